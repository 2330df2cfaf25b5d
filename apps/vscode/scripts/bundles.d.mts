import type { BuildResult } from "esbuild";

/** what VS Code loads to activate the extension (`main` in package.json) */
export const ACTIVATION_BUNDLE: "dist/extension.cjs";
/** the code behind the commands, loaded the first time one runs */
export const COMMANDS_BUNDLE: "dist/commands.cjs";

type Built = BuildResult<{ metafile: true }>;

/** bundles src/extension.ts and src/commands.ts under `root`; `write: false` keeps the output in memory */
export function buildBundles(options: {
  root: string;
  production?: boolean;
  write?: boolean;
}): Promise<{ activation: Built; commands: Built }>;
