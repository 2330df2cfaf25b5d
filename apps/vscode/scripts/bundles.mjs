// the extension's two bundles: dist/extension.cjs, what VS Code loads to activate (it registers the commands
// and the authentication provider, nothing else), and dist/commands.cjs, the code behind them (core, zod,
// ofetch, ws, the flows), which the first command loads; shared by build.mjs and the test that keeps the first small
import * as esbuild from "esbuild";
import { NODE_BUNDLE } from "../../../scripts/node-bundle.mjs";

/** what VS Code loads to activate the extension (`main` in package.json) */
export const ACTIVATION_BUNDLE = "dist/extension.cjs";
/** the code behind the commands, loaded the first time one runs */
export const COMMANDS_BUNDLE = "dist/commands.cjs";

// zod re-exports every message locale through `z.locales`; the extension speaks English only (~250 kB less)
const zodEnglishOnly = {
  name: "zod-english-only",
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.c?js$/ }, (args) =>
      args.importer.includes("/zod/") ? { path: "zod-locales", namespace: "stub" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "stub" }, () => ({ contents: "export {};", loader: "js" }));
  },
};

// extension.ts's `import("./commands")` stays out of the activation bundle: it loads the commands bundle next to it
const commandsOnFirstUse = {
  name: "commands-on-first-use",
  setup(build) {
    build.onResolve({ filter: /^\.\/commands$/ }, (args) =>
      args.kind === "dynamic-import" && args.importer.endsWith("extension.ts")
        ? { path: "./commands.cjs", external: true }
        : undefined,
    );
  },
};

/**
 * bundles src/extension.ts and src/commands.ts (CommonJS, `vscode` left to the host) under `root`;
 * `write: false` keeps the output in memory. Resolves to both esbuild results, each with its metafile
 */
export async function buildBundles({ root, production = true, write = true }) {
  const common = {
    absWorkingDir: root,
    bundle: true,
    ...NODE_BUNDLE,
    format: "cjs",
    // ws's optional native add-ons are not shipped (NODE_BUNDLE's switches skip looking for them)
    external: ["vscode", "bufferutil", "utf-8-validate"],
    plugins: [zodEnglishOnly, commandsOnFirstUse],
    // a dynamic import() of the commands bundle becomes require(): VS Code loads extensions as CommonJS
    supported: { "dynamic-import": false },
    minify: production,
    sourcemap: production ? false : "inline",
    metafile: true,
    write,
    logLevel: "warning",
  };
  const [activation, commands] = await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: ["src/extension.ts"],
      outfile: ACTIVATION_BUNDLE,
      // activation time in the log counts from here, evaluating the bundle included
      banner: { js: "var __pulsekitLoadStarted = performance.now();" },
      footer: { js: "var __pulsekitLoadEnded = performance.now();" },
    }),
    esbuild.build({ ...common, entryPoints: ["src/commands.ts"], outfile: COMMANDS_BUNDLE }),
  ]);
  return { activation, commands };
}
