// stands in for node-fetch-native in the bundle: ofetch only falls back to it when globalThis.fetch is
// missing, and Node 20 (the plugin's runtime) always has fetch; this keeps ~115 KiB of dead code out

/** Node's own fetch */
const nativeFetch: typeof globalThis.fetch = (input, init) => globalThis.fetch(input, init);
const { Headers, AbortController } = globalThis;

export default nativeFetch;
export { AbortController, Headers, nativeFetch as fetch };
