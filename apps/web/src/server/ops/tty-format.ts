/** Pino's JSON lines made readable in a terminal (only when stdout is a TTY). */

const LEVEL_COLORS: Record<string, string> = {
  fatal: "\x1b[41m",
  error: "\x1b[31m",
  warn: "\x1b[33m",
  info: "\x1b[32m",
  debug: "\x1b[36m",
  trace: "\x1b[90m",
};
const RESET = "\x1b[0m";
const DIM = "\x1b[90m";

/** Shown first, in this order, without their names; everything else follows as `name=value`. */
const LEADING = ["method", "route", "status"] as const;
const HIDDEN = new Set(["time", "level", "msg", "pid", "hostname", "err", ...LEADING]);

interface LogLine {
  time?: string;
  level?: string;
  msg?: string;
  err?: { stack?: string; message?: string };
  [key: string]: unknown;
}

export function formatForTerminal(json: string): string {
  let line: LogLine;
  try {
    line = JSON.parse(json) as LogLine;
  } catch {
    return json;
  }
  const level = line.level ?? "info";
  const time = typeof line.time === "string" ? line.time.slice(11, 23) : "";
  const leading = LEADING.map((key) => line[key]).filter((value) => value !== undefined);
  const rest = Object.entries(line)
    .filter(([key]) => !HIDDEN.has(key))
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`);
  const head = [
    `${DIM}${time}${RESET}`,
    `${LEVEL_COLORS[level] ?? ""}${level.toUpperCase().padEnd(5)}${RESET}`,
    line.msg ?? "",
    ...leading.map(String),
    rest.length > 0 ? `${DIM}${rest.join(" ")}${RESET}` : "",
  ]
    .filter(Boolean)
    .join(" ");
  const stack = line.err?.stack ?? line.err?.message;
  return stack ? `${head}\n${stack.replace(/^/gm, "    ")}\n` : `${head}\n`;
}
