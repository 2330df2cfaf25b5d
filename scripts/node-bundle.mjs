// esbuild settings every Node bundle of the apps shares (the CLI, the VS Code extension, the Stream Deck
// plugin): Node 20, ws without its native add-ons, and the host's own fetch
export const NODE_BUNDLE = {
  platform: "node",
  target: "node20",
  // ws's switches for its optional native add-ons, which a bundle never carries: it falls back to its
  // JavaScript mask and Node's buffer.isUtf8 without looking for them
  define: { "process.env.WS_NO_BUFFER_UTIL": '"1"', "process.env.WS_NO_UTF_8_VALIDATE": '"1"' },
  // ofetch's plain build and node-fetch-native's native entry use Node 20's fetch; their node builds bundle
  // a polyfill (~115 KiB) that only runs without one. nothing else bundled has this condition
  conditions: ["wintercg"],
};

/** for an ESM bundle: CommonJS dependencies (ws, commander) call require(), which ESM has none of */
export const ESM_REQUIRE_BANNER = {
  js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
};
