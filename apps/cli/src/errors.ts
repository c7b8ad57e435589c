import { type Issue, ProfileHubError } from "@profilehub/client";

/** Exit codes (documented in README.md and `profilehub --help`). */
export const EXIT = {
  ok: 0,
  /** The server refused the request (invalid field, wrong password, conflict, …). */
  refused: 1,
  /** Bad command line: unknown command or option, missing or malformed value. */
  usage: 2,
  /** Not signed in, or the session has ended: run `profilehub login`. */
  auth: 3,
  /** The server cannot be reached, or answered like no ProfileHub server would. */
  unreachable: 4,
} as const;

/** A failure shown as `profilehub: <message>` (plus detail lines), never with a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = "CliError";
  }
}

export class UsageError extends CliError {
  constructor(message: string, command?: string) {
    super(message, EXIT.usage, [`Run \`profilehub ${command ? `${command} ` : ""}--help\` for usage.`]);
    this.name = "UsageError";
  }
}

export const LOGIN_HINT = "Run `profilehub login` to sign in.";

export function notSignedIn(): CliError {
  return new CliError("Not signed in.", EXIT.auth, [LOGIN_HINT]);
}

export function sessionEnded(reason: string): CliError {
  return new CliError(`Your session has ended: ${reason}.`, EXIT.auth, [LOGIN_HINT]);
}

/** API field names as the `update` options spell them, for error lines. */
const OPTION_NAMES: Record<string, string> = {
  displayName: "display-name",
  firstName: "first-name",
  lastName: "last-name",
  avatarUrl: "avatar",
  userMetadata: "metadata",
  userMetadataPatch: "metadata",
};

export function issueLine(issue: Issue): string {
  const [field = "", ...rest] = issue.path.split(".");
  const name = [OPTION_NAMES[field] ?? field, ...rest].join(".");
  return `  ${name || "(input)"}: ${issue.message}`;
}

const withoutPeriod = (text: string) => text.replace(/\.$/, "");

/** Any failure of a call to the server at `url`, as the CLI reports it. */
export function explain(error: unknown, url: string): CliError {
  if (error instanceof CliError) return error;
  const failure = ProfileHubError.from(error);
  switch (failure.code) {
    case "network": {
      const cause = (failure.cause as Error | undefined)?.cause as { code?: unknown; message?: unknown } | undefined;
      const reason = typeof cause?.code === "string" ? cause.code : cause?.message;
      const detail = typeof reason === "string" && reason ? ` (${reason})` : "";
      return new CliError(`Cannot reach ProfileHub at ${url}${detail}.`, EXIT.unreachable, [
        "Is the server running? Sign in with `--url` to use another server.",
      ]);
    }
    case "bad_response":
      return new CliError(
        `${url} did not answer like a ProfileHub server${failure.status ? ` (HTTP ${failure.status})` : ""}.`,
        EXIT.unreachable,
      );
    case "internal":
    case "unavailable":
    case "unknown":
      return new CliError(`The server failed: ${withoutPeriod(failure.message)}.`, EXIT.unreachable);
    default:
      if (failure.isAuthError) return sessionEnded(withoutPeriod(failure.message));
      if (failure.issues.length > 0) {
        return new CliError("The server refused the request:", EXIT.refused, failure.issues.map(issueLine));
      }
      return new CliError(`${withoutPeriod(failure.message)}.`, EXIT.refused);
  }
}
