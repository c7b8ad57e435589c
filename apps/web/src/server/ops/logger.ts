import pino, { type DestinationStream, type LevelWithSilent, type Logger } from "pino";

import { formatForTerminal } from "./tty-format";

export type { Logger };

/**
 * Never logged even if some code passes them along: credentials travel in these fields. (The
 * access log only writes chosen fields; this is the second line of defence.)
 */
const REDACTED_PATHS = [
  "password",
  "currentPassword",
  "token",
  "accessToken",
  "refreshToken",
  "secret",
  "authorization",
  "cookie",
  "headers.authorization",
  "headers.cookie",
  'headers["x-api-key"]',
  'headers["set-cookie"]',
  "*.password",
  "*.token",
  "*.secret",
  "totp",
  "recoveryCode",
  "recoveryCodes",
  "*.totp",
  "*.recoveryCode",
  "*.recoveryCodes",
];

export interface LoggerOptions {
  level: LevelWithSilent;
  /** Human-readable lines instead of JSON (for a terminal). */
  pretty: boolean;
  /** Where the lines go (default: stdout, written asynchronously: call `flushLogger` before exiting). */
  destination?: DestinationStream;
}

/** JSON lines on stdout (time, level, message, fields), or readable ones for a terminal. */
export function createLogger(options: LoggerOptions): Logger {
  // Asynchronous: a request never waits for stdout; lines written meanwhile go out together.
  const destination = options.destination ?? pino.destination({ dest: 1, sync: false });
  return pino(
    {
      level: options.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    },
    options.pretty ? { write: (line: string) => destination.write(formatForTerminal(line)) } : destination,
  );
}

/** Writes out what is still buffered (before the process exits). */
export function flushLogger(logger: Logger): Promise<void> {
  return new Promise((resolve) => logger.flush(() => resolve()));
}

// One logger per process, shared by the HTTP server and every route bundle (hence globalThis).
const KEY = Symbol.for("profilehub.logger");
type Holder = { [KEY]?: Logger };

/** Makes `logger` the process's logger (the server does this once, from the configuration). */
export function installLogger(logger: Logger): void {
  (globalThis as Holder)[KEY] = logger;
}

/** The process's logger; JSON at `info` until the server installs the configured one. */
export function getLogger(): Logger {
  const holder = globalThis as Holder;
  holder[KEY] ??= createLogger({ level: "info", pretty: false });
  return holder[KEY];
}
