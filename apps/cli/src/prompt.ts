import { createInterface } from "node:readline/promises";

import { CliError, EXIT } from "./errors";

/** Whether the user can be asked something (both ends are a terminal). */
export const canPrompt = () => Boolean(process.stdin.isTTY && process.stderr.isTTY);

/** Asks on the terminal (the question goes to stderr so stdout stays clean). */
export async function promptLine(question: string): Promise<string> {
  const readline = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await readline.question(question)).trim();
  } finally {
    readline.close();
  }
}

/** Asks without echoing what is typed (passwords). Ctrl-C aborts. */
export function promptHidden(question: string): Promise<string> {
  const { stdin, stderr } = process;
  stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = (error?: Error) => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n" || char === "\u0004") return finish();
        if (char === "\u0003") return finish(new CliError("Cancelled.", 130));
        if (char === "\u007f" || char === "\b") value = value.slice(0, -1);
        else if (char >= " ") value += char;
      }
    };
    stdin.on("data", onData);
  });
}

/** Everything on standard input, without the final line break (`--password-stdin`). */
export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new CliError("--password-stdin needs the password piped in.", EXIT.usage);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}
