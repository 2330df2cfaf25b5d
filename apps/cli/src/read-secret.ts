import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { interruptedError, usageError } from "./cli-error.js";
import type { TextSink } from "./output.js";

/** the input a secret is read from */
export type SecretSource = NodeJS.ReadableStream & { isTTY?: boolean };

async function readAll(input: SecretSource): Promise<string> {
  let text = "";
  input.setEncoding("utf8");
  for await (const chunk of input) text += chunk;
  return text;
}

/** asks for a line on a terminal without echoing what is typed */
function promptHidden(prompt: string, input: SecretSource, output: TextSink): Promise<string> {
  let muted = false;
  // readline echoes through this stream; once the prompt is shown, nothing typed reaches the terminal
  const echo = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) output.write(chunk.toString());
      done();
    },
  });
  const rl = createInterface({ input, output: echo, terminal: true });
  return new Promise((resolve, reject) => {
    rl.on("SIGINT", () => {
      rl.close();
      output.write("\n");
      reject(interruptedError("Cancelled; nothing was saved."));
    });
    rl.on("close", () => reject(usageError("No token was entered; nothing was saved.")));
    rl.question(prompt, (answer) => {
      output.write("\n");
      resolve(answer);
      rl.close();
    });
    muted = true;
  });
}

/** reads a secret: all of stdin when it is piped in, else from a prompt that does not echo */
export async function readSecret(prompt: string, input: SecretSource, output: TextSink): Promise<string> {
  const text = input.isTTY ? await promptHidden(prompt, input, output) : await readAll(input);
  return text.trim();
}
