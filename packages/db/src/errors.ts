import { redactUrl } from "../schema-engine/adapter.mjs";

/** The database could not be reached: a readable message with the URL's password redacted. */
export class DatabaseUnreachableError extends Error {
  override name = "DatabaseUnreachableError";

  constructor(url: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Cannot connect to the database at ${redactUrl(url)}: ${redactUrl(reason)}`);
  }
}
