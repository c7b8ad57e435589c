import { createHash } from "node:crypto";

/**
 * The name a statement is prepared under, on PostgreSQL (adapter-pg's `statementNameGenerator`)
 * and on PGlite (`withPreparedStatements`): derived from its text, so one text is prepared once
 * per connection and reused: planning the update path's one CTE statement costs more than running
 * it. All statements are parameterized, so the set of texts stays small.
 */
export function preparedStatementName(sql: string): string {
  return `ph_${createHash("sha1").update(sql).digest("hex").slice(0, 24)}`;
}
