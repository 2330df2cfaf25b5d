/** a shell a user may paste pulsekit's suggestions into, and how it sets and clears environment variables */
export interface Shell {
  label: string;
  /** the lines that set these variables in this shell */
  set(variables: Readonly<Record<string, string>>): string[];
  /** the line that clears one variable */
  clear(name: string): string;
}

// the values pulsekit prints (URLs, emulator tokens) need no quoting in any of these shells; anything else is quoted
const PLAIN = /^[\w.:/@%+,=-]*$/;

const posix: Shell = {
  label: "bash, zsh",
  set: (variables) => [
    `export ${Object.entries(variables)
      .map(([name, value]) => `${name}=${PLAIN.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`}`)
      .join(" ")}`,
  ],
  clear: (name) => `unset ${name}`,
};

const powerShell: Shell = {
  label: "PowerShell",
  set: (variables) => [
    Object.entries(variables)
      .map(([name, value]) => `$env:${name}=${PLAIN.test(value) ? `"${value}"` : `'${value.replaceAll("'", "''")}'`}`)
      .join("; "),
  ],
  clear: (name) => `$env:${name}=$null`,
};

const cmd: Shell = {
  label: "cmd",
  // the quoted form keeps cmd from taking trailing spaces into the value
  set: (variables) =>
    Object.entries(variables).map(([name, value]) =>
      PLAIN.test(value) ? `set ${name}=${value}` : `set "${name}=${value}"`,
    ),
  clear: (name) => `set ${name}=`,
};

/** the shells pulsekit gives examples for, the platform's usual one first */
export function shellsFor(platform: NodeJS.Platform = process.platform): Shell[] {
  return platform === "win32" ? [powerShell, cmd, posix] : [posix, powerShell, cmd];
}

/** "`unset NAME` (PowerShell: `$env:NAME=$null`; cmd: `set NAME=`)", the platform's shell first */
export function clearVariableHint(name: string, platform: NodeJS.Platform = process.platform): string {
  const [first, ...others] = shellsFor(platform) as [Shell, ...Shell[]];
  return `\`${first.clear(name)}\` (${others.map((shell) => `${shell.label}: \`${shell.clear(name)}\``).join("; ")})`;
}

/** the lines that set these variables in each shell, labelled, the platform's usual shell first */
export function setVariablesLines(
  variables: Readonly<Record<string, string>>,
  platform: NodeJS.Platform = process.platform,
): string[] {
  return shellsFor(platform).flatMap((shell) => [
    `  ${shell.label}:`,
    ...shell.set(variables).map((line) => `    ${line}`),
  ]);
}
