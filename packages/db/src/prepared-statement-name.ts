import { createHash } from "node:crypto";

/** Statement texts whose names are remembered; past it the cache starts over (texts are few). */
const MAX_NAMES = 512;
/**
 * Names by text, found by the text's length and then compared: the driver hands over a fresh string
 * on every execution, and a `Map` keyed by the text would hash all of it (several KB) each time,
 * which costs more than SHA-1 does; comparing two strings of equal length is a memory compare.
 */
const byLength = new Map<number, [text: string, name: string][]>();
let remembered = 0;

/**
 * The name a statement is prepared under, on PostgreSQL (adapter-pg's `statementNameGenerator`)
 * and on PGlite (`withPreparedStatements`): derived from its text, so one text is prepared once
 * per connection and reused: planning the update path's one CTE statement costs more than running
 * it. All statements are parameterized, so the set of texts stays small; each text is hashed once
 * and its name remembered (bounded), not hashed on every execution.
 */
export function preparedStatementName(sql: string): string {
  const candidates = byLength.get(sql.length);
  if (candidates) {
    for (const [text, name] of candidates) if (text === sql) return name;
  }
  const name = `ph_${createHash("sha1").update(sql).digest("hex").slice(0, 24)}`;
  if (remembered >= MAX_NAMES) {
    byLength.clear();
    remembered = 0;
  }
  const list = byLength.get(sql.length);
  if (list) list.push([sql, name]);
  else byLength.set(sql.length, [[sql, name]]);
  remembered += 1;
  return name;
}
