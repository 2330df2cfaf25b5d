// the environment for an install started from inside a test run: what the machine had, without what a
// package manager adds for the scripts it runs (npm_config_*, npm_lifecycle_*, npm_package_*, PNPM_*).
// an inherited npm_config_user_agent makes a nested install look like pnpm's to the package it installs
// (code-server's postinstall refuses that); the other variables would bend its config the same way

const RUNNER_VARIABLE = /^(npm_|pnpm_|INIT_CWD$|NODE_PATH$|COREPACK_)/i;

// network settings a user may give through the environment alone; a nested install still needs them
const KEPT = new Set(
  ["registry", "proxy", "https_proxy", "noproxy", "cafile", "ca", "strict_ssl", "userconfig", "globalconfig"].map(
    (name) => `npm_config_${name}`,
  ),
);

/** process.env (or env) without the package-manager runner's variables, plus extra */
export function cleanInstallEnv(extra = {}, env = process.env) {
  const clean = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (RUNNER_VARIABLE.test(name) && !KEPT.has(name.toLowerCase())) continue;
    clean[name] = value;
  }
  return { ...clean, ...extra };
}
