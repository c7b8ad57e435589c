import type { Prisma } from "@profilehub/db";
import { describe, expect, it } from "vitest";

import { type Context, createAppServices, createCaller, createRequestContext } from "../src/index";
import { type SignedUpUser, useTestApp } from "./helpers/test-app";

// An email sent back as it is (dialect C's document sends it with every update) is planned as no
// change when the caller's access token carries that address: none of the change's checks, links,
// mails or events. These tests hold that plan to what the full plan writes, and show that a token
// older than the address (the hint is wrong) still gets the change applied in full.

const app = useTestApp();

/** The update statements the router ran (their SQL texts), through a spy on the database. */
function withStatementSpy(ctx: Context): { ctx: Context; statements: string[] } {
  const statements: string[] = [];
  const db = new Proxy(ctx.services.db, {
    get(target, key, receiver) {
      if (key === "$queryRaw") {
        return (query: Prisma.Sql) => {
          if (query.sql.includes("UPDATE users u SET")) statements.push(query.sql);
          return Reflect.get(target, key, receiver).call(target, query);
        };
      }
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  const services = createAppServices({ db, config: ctx.services.config, mail: ctx.services.mail });
  return { ctx: { ...ctx, services }, statements };
}

/** The user's context through `door`, with the token's email hint or without it. */
async function contextOf(user: SignedUpUser, door: Context["door"], hint: boolean): Promise<Context> {
  const ctx = await createRequestContext(app.services, { accessToken: user.accessToken, door });
  expect(ctx.session?.tokenEmail).toBe(user.email);
  if (hint) return ctx;
  const { tokenEmail: _hint, ...session } = ctx.session!;
  return { ...ctx, session };
}

/** An audit diff without what differs between two users anyway (their address, the time). */
const comparable = (changes: unknown, email: string) =>
  JSON.parse(
    JSON.stringify(changes)
      .replaceAll(email, "<email>")
      .replace(/"\d{4}-\d\d-\d\dT[^"]*"/g, '"<time>"'),
  ) as unknown;

/** What an update left behind. */
async function traces(userId: string) {
  const db = app.database.db;
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const audit = await db.auditEvent.findMany({ where: { userId }, orderBy: { id: "asc" } });
  return {
    pendingEmail: user.pendingEmail,
    verified: user.emailVerifiedAt !== null,
    firstName: user.firstName,
    audit: audit.map((event) => [event.action, event.door, comparable(event.changes, user.email)]),
    mails: (await db.outboxMail.findMany({ where: { userId } })).map((mail) => mail.kind).sort(),
    links: await db.emailToken.count({ where: { userId } }),
  };
}

describe("an email sent back unchanged", () => {
  it.each([
    ["dialect-c", "immediate", { firstName: "Ada", lastName: "Lovelace" }],
    ["dialect-e", "immediate", {}],
    ["dialect-a", "pending", {}],
    ["trpc", "pending", {}],
  ] as const)("%s (%s mode) writes what the full plan writes, in one statement", async (door, _mode, names) => {
    const outcomes = [];
    for (const hint of [true, false]) {
      for (const state of [
        { pendingEmail: null, emailVerifiedAt: null },
        { pendingEmail: `pending-${door}@example.com`, emailVerifiedAt: new Date() },
      ]) {
        const user = await app.signUp();
        await app.database.db.user.update({ where: { id: user.id }, data: state });
        const before = await traces(user.id);
        const { ctx, statements } = withStatementSpy(await contextOf(user, door, hint));
        const view = await createCaller(ctx).me.update({ ...names, email: user.email });
        expect(view.email).toBe(user.email);
        expect(statements).toHaveLength(1);
        // The plan from the hint carries no link, mail or security event; the full plan does.
        expect(statements[0]!.includes("outbox")).toBe(!hint);
        const after = await traces(user.id);
        outcomes.push({ state: state.pendingEmail !== null, before, after });
      }
    }
    const [withHint, withoutHint] = [outcomes.slice(0, 2), outcomes.slice(2)];
    expect(withHint).toEqual(withoutHint);
    // Re-sending the current address clears a pending one and keeps the verification.
    const { before, after } = withHint[1]!;
    expect(after).toMatchObject({ pendingEmail: null, verified: true, mails: before.mails, links: before.links });
  });

  it("server access marking the address verified: the same with the hint as without", async () => {
    const results = [];
    for (const hint of [true, false]) {
      const user = await app.signUp();
      const ctx = { ...(await contextOf(user, "dialect-d", hint)), serverAccess: true };
      await createCaller(ctx).me.update({ email: user.email, emailVerified: true });
      results.push(await traces(user.id));
    }
    expect(results[0]).toEqual(results[1]);
    expect(results[0]!.verified).toBe(true);
  });

  it("a token older than the address: the address it carries is applied as a change (a second statement)", async () => {
    const user = await app.signUp();
    const door = "dialect-e";
    await (await user.as(door)).me.update({ email: "second@example.com" });
    // The token still carries the first address: sending it back is a real change.
    const { ctx, statements } = withStatementSpy(await contextOf(user, door, true));
    const view = await createCaller(ctx).me.update({ email: user.email });
    expect(view).toMatchObject({ email: user.email, emailVerified: false, pendingEmail: null });
    expect(statements).toHaveLength(2);
    const mails = await app.database.db.outboxMail.findMany({ where: { userId: user.id } });
    expect(mails.map((mail) => `${mail.kind} ${mail.to}`).sort()).toEqual(
      [
        `email_verify ${user.email}`, // sign-up's
        "email_verify second@example.com",
        `email_change_notice ${user.email}`,
        `email_verify ${user.email}`,
        "email_change_notice second@example.com",
      ].sort(),
    );
    const events = await app.database.db.auditEvent.findMany({
      where: { userId: user.id, action: "security.email_changed" },
      orderBy: { id: "asc" },
    });
    expect(events.map((event) => event.changes)).toEqual([
      { email: { from: user.email, to: "second@example.com" } },
      { email: { from: "second@example.com", to: user.email } },
    ]);
  });
});
