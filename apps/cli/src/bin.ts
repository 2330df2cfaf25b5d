#!/usr/bin/env node
import { setFlagsFromString } from "node:v8";
import { run } from "./run.js";

// pulsekit lives for one request or a few: keep fetch's wasm http parser on V8's baseline compiler.
// optimizing it happens on background threads that exit waits for, adding 0.2-0.5 s to every command
setFlagsFromString("--no-wasm-tier-up");
setFlagsFromString("--no-wasm-dynamic-tiering");

// a closed pipe (`pulsekit widgets list | head -1`) is not an error
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

process.exitCode = await run(process.argv, {
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
