import { parseArgs, type ParseArgsConfig } from "node:util";

import { UsageError } from "./errors";

type Options = NonNullable<ParseArgsConfig["options"]>;
const HELP = { help: { type: "boolean", short: "h" } } as const;

/** A subcommand: its `--help` text and what it does with the rest of the command line. */
export interface Command {
  name: string;
  summary: string;
  help: string;
  /** Resolves to the exit code (0 when nothing else is said). */
  run(argv: string[]): Promise<number | void>;
}

/**
 * `node:util` parseArgs, strict (unknown options and stray arguments are usage errors), with
 * `-h/--help` added to every command.
 */
export function parseOptions<const O extends Options>(command: string, argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options: { ...options, ...HELP }, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0] ?? "Invalid arguments", command);
  }
}
