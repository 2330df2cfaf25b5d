// prints how long Node takes to evaluate one CommonJS bundle, in ms, with a stub in place of the `vscode`
// module (VS Code's extension host hands extensions its API the same way); the bench runs it in new processes
// usage: node scripts/evaluate-bundle.cjs dist/extension.cjs
const Module = require("node:module");
const { resolve } = require("node:path");

// any property, call or construction of the stub gives the stub back
const stub = new Proxy(() => {}, { get: () => stub, apply: () => stub, construct: () => stub });
const load = Module._load;
Module._load = function loadWithStub(request, ...rest) {
  return request === "vscode" ? stub : load.call(this, request, ...rest);
};

const file = resolve(process.argv[2]);
const started = performance.now();
require(file);
const elapsed = performance.now() - started;
// only now: the first use of process.stdout sets the stream up, which takes milliseconds
process.stdout.write(`${elapsed.toFixed(3)}\n`);
