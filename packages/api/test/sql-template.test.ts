import { Prisma } from "@profilehub/db";
import { UPDATE_INPUTS, USER_FIELDS } from "@profilehub/validators";
import { describe, expect, it } from "vitest";

import { flattenUncached, join, raw, sql } from "../src/services/database/sql-template";
import { type PlannedMail, planUpdate, type PreparedSecrets } from "../src/services/users/update-plan";
import { buildUpdateStatement, type UpdateStatementInput } from "../src/services/users/update-statement";

/** What Prisma reads of a statement. */
const read = (statement: Prisma.Sql) => ({
  strings: [...statement.strings],
  values: [...statement.values],
  sql: statement.sql,
  text: statement.text,
  statement: statement.statement,
});

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const mail = (tag: string) => ({
  en: { subject: `s ${tag}`, text: `t ${tag}`, html: `h ${tag}` },
  fr: { subject: `S ${tag}`, text: `T ${tag}`, html: `H ${tag}` },
});

/** A random update input: any combination of what changes the statement's text, and fresh values. */
function randomInput(next: () => number, n: number): UpdateStatementInput {
  const pick = <T>(options: readonly T[]): T => options[Math.floor(next() * options.length)] as T;
  const chance = (p: number) => next() < p;
  const update: Record<string, unknown> = {};
  const stored: Record<string, unknown> = {};
  for (const input of UPDATE_INPUTS) {
    if (!chance(0.2)) continue;
    const storage = USER_FIELDS[input.field].storage;
    if (input.apply === "merge") update[input.key] = { theme: `t${n}`, gone: null };
    else if (storage.kind === "point") update[input.key] = chance(0.5) ? null : { longitude: n, latitude: -n };
    else if (input.apply === "prepare") {
      update[input.key] = `in ${n}`;
      if (input.field !== "email" && chance(0.8)) stored[input.field] = chance(0.2) ? null : `stored ${n}`;
    } else if (storage.type === "jsonb") update[input.key] = { n };
    else if (storage.type === "text[]") update[input.key] = [`a${n}`];
    else update[input.key] = chance(0.2) ? null : `v${n}`;
  }
  if (chance(0.3)) update.emailVerified = chance(0.5);
  if (chance(0.2)) update.selectedTeamId = `team-${n}`;
  const address = `user${n}@example.com`;
  const prepared: PreparedSecrets = { stored };
  const emailMode = pick(["none", "kept", "change"] as const);
  if (emailMode === "kept") prepared.emailKept = { address, mode: pick(["pending", "immediate"] as const) };
  if (emailMode === "change") {
    const mails: PlannedMail[] = Array.from({ length: Math.floor(next() * 3) }, (_, index) => ({
      kind: `kind_${index}_${n}`,
      recipient: pick(["new", "old"] as const),
      mail: mail(`${n}.${index}`),
    }));
    prepared.email = {
      address,
      mode: pick(["pending", "immediate"] as const),
      token: chance(0.6) ? { hash: `hash ${n}`, purpose: pick(["change_email", "verify_email"] as const) } : null,
      mails,
    };
  }
  if (chance(0.3)) prepared.revokeSessions = pick(["others", "all"] as const);
  if (chance(0.3)) prepared.expectedPasswordHash = chance(0.3) ? null : `expected ${n}`;
  if (chance(0.3))
    prepared.recoveryCodeHashes = Array.from({ length: Math.floor(next() * 3) }, (_, i) => `code${i}.${n}`);
  const session = chance(0.8)
    ? { userId: `user-${n}`, userNumber: n, projectId: `project-${n}`, sessionId: `session-${n}` }
    : null;
  return {
    target: pick([{ id: `target-${n}` }, { number: n }, { none: true as const }]),
    projectId: chance(0.7) ? `project-${n}` : null,
    session,
    serverAccess: chance(0.4),
    plan: planUpdate(update, prepared),
    audit: {
      door: pick(["trpc", "dialect-a", "dialect-c"]),
      requestId: `request-${n}`,
      action: "user.update",
      client: { ip: chance(0.5) ? `10.0.0.${n % 256}` : null, userAgent: `agent ${n}` },
    },
    webhook: chance(0.5) ? { mode: "refuse" } : { mode: "approved", seenUpdatedAt: new Date(1_700_000_000_000 + n) },
  };
}

describe("sql templates", () => {
  it("read as Prisma.sql would build them, nested fragments and plain Prisma.Sql included", () => {
    const inner = sql`a = ${1} AND ${raw("b")} = ${"two"}`;
    const plain = Prisma.sql`c IN (${Prisma.join([3, 4])})`;
    const outer = sql`SELECT ${inner}, ${plain} FROM t WHERE ${join([sql`x = ${5}`, sql`y`], " OR ")} ${6}`;
    const expected = Prisma.sql`SELECT ${Prisma.sql`a = ${1} AND ${Prisma.raw("b")} = ${"two"}`}, ${plain} FROM t WHERE ${Prisma.join(
      [Prisma.sql`x = ${5}`, Prisma.sql`y`],
      " OR ",
    )} ${6}`;
    expect(read(outer)).toEqual(read(expected));
    expect(outer.text).toBe("SELECT a = $1 AND b = $2, c IN ($3,$4) FROM t WHERE x = $5 OR y $6");
    // Inside a plain Prisma.sql, a template reads as its flat self.
    expect(read(Prisma.sql`(${outer})`)).toEqual(read(Prisma.sql`(${expected})`));
  });

  it("gives one shape one text, and two shapes two texts, whatever was built in between", () => {
    const build = (column: string, value: unknown) => sql`SELECT ${raw(column)} = ${value}`;
    const first = build("a", 1);
    expect(first.text).toBe("SELECT a = $1");
    const second = build("b", 2);
    expect(second.text).toBe("SELECT b = $1");
    const third = build("a", 3);
    expect(third.text).toBe(first.text);
    expect(third.values).toEqual([3]);
    // A parameter and a nested fragment at the same place are two shapes.
    expect(build("a", raw("now()")).text).toBe("SELECT a = now()");
    expect(build("a", sql`${4}::int`).text).toBe("SELECT a = $1::int");
  });

  it("refuses a template site that could change (not frozen)", () => {
    expect(() => sql(["a ", ""] as unknown as TemplateStringsArray, 1).text).toThrow(/frozen/);
  });

  it("builds the update statement exactly as flattening it afresh does, for many plans, cache hits included", () => {
    const next = random(12);
    const texts = new Set<string>();
    for (let n = 0; n < 600; n++) {
      const input = randomInput(next, n);
      const statement = buildUpdateStatement(input);
      const reference = flattenUncached(buildUpdateStatement(input));
      expect(reference).not.toBe(statement);
      expect(read(statement)).toEqual(read(reference));
      // The same shape with other values: the cached text, this input's values.
      const again = buildUpdateStatement({ ...input, audit: { ...input.audit, requestId: `other ${n}` } });
      expect(again.text).toBe(statement.text);
      expect(again.values).toEqual(
        statement.values.map((value) => (value === input.audit.requestId ? `other ${n}` : value)),
      );
      texts.add(statement.text);
    }
    // The plans cover many shapes (so the cache served many texts, each checked above).
    expect(texts.size).toBeGreaterThan(300);
  });
});
