import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";

import { DEFAULT_ABUSE_LIMITS } from "../src/config";
import { markSent } from "../src/mail/outbox";
import { failure, paths } from "./helpers/errors";
import { type SignedUpUser, useTestApp } from "./helpers/test-app";

// Three wrong guesses per account and window, to reach the limit quickly.
const app = useTestApp({
  abuseLimits: {
    ...DEFAULT_ABUSE_LIMITS,
    signUpPerIp: { limit: 10_000, windowSeconds: 3600 },
    currentPasswordPerAccount: { limit: 3, windowSeconds: 900 },
  },
});

const db = () => app.database.db;
const codeAt = (secretBase32: string, time = Date.now()) =>
  new TOTP({ secret: Secret.fromBase32(secretBase32), digits: 6, period: 30 }).generate({ timestamp: time });
const notices = (to: string) => db().outboxMail.findMany({ where: { to, kind: "account_deleted" } });

/** A user with a team, a second session, a pending email link, a profile and an audit trail. */
async function richUser(): Promise<SignedUpUser & { refreshTokens: string[] }> {
  const user = await app.signUp();
  const me = await user.as();
  await me.me.update({ displayName: "Ada Lovelace", bio: "Analyst", email: `new-${user.email}` });
  const team = await app.server().admin.createTeam({ displayName: "Engines" });
  await app.server().admin.addTeamMember({ teamId: team.id, userId: user.id });
  const second = await app
    .anonymous("auth")
    .auth.token({ grant_type: "password", email: user.email, password: user.password });
  return { ...user, refreshTokens: [user.refreshToken, second.refreshToken] };
}

/** Every row still holding something of the user (by id): none after a deletion. */
async function leftovers(userId: string) {
  const [users, sessions, emailTokens, members, audit, mails] = await Promise.all([
    db().user.count({ where: { id: userId } }),
    db().session.count({ where: { userId } }),
    db().emailToken.count({ where: { userId } }),
    db().teamMember.count({ where: { userId } }),
    db().auditEvent.count({ where: { userId } }),
    db().outboxMail.count({ where: { userId } }),
  ]);
  const refreshTokens = await db().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM refresh_tokens r WHERE NOT EXISTS (SELECT 1 FROM sessions s WHERE s.id = r."sessionId")`;
  return { users, sessions, emailTokens, members, audit, mails, orphanRefreshTokens: refreshTokens[0]!.n };
}

describe("me.delete (delete account)", () => {
  it("refuses a wrong password, a missing one or a mistyped confirmation, and deletes nothing", async () => {
    const user = await richUser();
    const me = await user.as();
    const before = await leftovers(user.id);

    const missing = await failure(me.me.delete({}));
    expect(missing.reason).toBe("validation");
    expect(paths(missing.issues)).toEqual(["confirmation", "currentPassword"]);
    const mistyped = await failure(me.me.delete({ confirmation: "someone@else.example", currentPassword: "x" }));
    expect(mistyped.issues).toEqual([
      { path: "confirmation", message: "Type your email address exactly as shown to confirm" },
    ]);
    const wrong = await failure(me.me.delete({ confirmation: user.email, currentPassword: "not my password" }));
    expect(wrong.issues).toEqual([{ path: "currentPassword", message: "Current password is incorrect" }]);

    expect(await leftovers(user.id)).toEqual(before);
    expect(await db().accountDeletion.count()).toBe(0);
    expect(await notices(user.email)).toHaveLength(0);
    expect((await me.me.get()).displayName).toBe("Ada Lovelace");
  });

  it("limits wrong passwords through CURRENT_PASSWORD_LIMIT, and the right one clears the count", async () => {
    const user = await app.signUp();
    const me = await user.as();
    for (let guess = 0; guess < 3; guess += 1) {
      const refused = await failure(me.me.delete({ confirmation: user.email, currentPassword: `guess ${guess}` }));
      expect(refused.reason).toBe("validation");
    }
    const limited = await failure(me.me.delete({ confirmation: user.email, currentPassword: user.password }));
    expect(limited).toMatchObject({ code: "TOO_MANY_REQUESTS", reason: "rate_limited" });
    expect(await db().user.count({ where: { id: user.id } })).toBe(1);

    // Another account's counter is its own; its right password leaves nothing counted behind.
    const other = await app.signUp();
    expect(await (await other.as()).me.delete({ confirmation: other.email, currentPassword: other.password })).toEqual({
      deleted: true,
    });
    expect(await db().abuseLimit.count({ where: { key: { contains: other.id } } })).toBe(0);
  });

  it("deletes the account, its sessions, tokens, links, memberships and audit rows; keeps a tombstone without personal data", async () => {
    const user = await richUser();
    const me = await user.as();
    const confirmation = ` ${user.email.toUpperCase()} `; // compared trimmed, case-insensitively
    expect(await me.me.delete({ confirmation, currentPassword: user.password })).toEqual({ deleted: true });

    expect(await leftovers(user.id)).toEqual({
      users: 0,
      sessions: 0,
      emailTokens: 0,
      members: 0,
      audit: 0,
      mails: 0,
      orphanRefreshTokens: 0,
    });
    // The access token is refused at once; the refresh tokens and the password too.
    expect((await failure(me.me.get())).reason).toBe("session_revoked");
    for (const refreshToken of user.refreshTokens) {
      const refreshed = app.anonymous("auth").auth.token({ grant_type: "refresh_token", refresh_token: refreshToken });
      expect((await failure(refreshed)).code).toBe("UNAUTHORIZED");
    }
    const signIn = app
      .anonymous("auth")
      .auth.token({ grant_type: "password", email: user.email, password: user.password });
    expect((await failure(signIn)).reason).toBe("invalid_credentials");

    const tombstones = await db().accountDeletion.findMany();
    expect(tombstones).toHaveLength(1);
    expect(tombstones[0]).toMatchObject({
      userId: user.id,
      userNumber: user.number,
      projectId: "default",
      actorType: "user",
      door: "trpc",
      proof: "password",
    });
    const stored = JSON.stringify(tombstones, (_, value: unknown) =>
      typeof value === "bigint" ? String(value) : value,
    );
    for (const personal of [user.email, "Ada", "Lovelace", "Analyst", user.email.split("@")[0]!]) {
      expect(stored).not.toContain(personal);
    }
    // The address is free again.
    expect((await app.signUp({ email: user.email })).email).toBe(user.email);
  });

  it("queues the notice in the account's language; once sent, the outbox keeps no address", async () => {
    const english = await app.signUp();
    const french = await app.signUp();
    await (await french.as()).me.update({ locale: "fr" });
    for (const user of [english, french]) {
      await (await user.as()).me.delete({ confirmation: user.email, currentPassword: user.password });
    }
    const [en] = await notices(english.email);
    const [fr] = await notices(french.email);
    expect(en).toMatchObject({ userId: null, subject: "Your ProfileHub account was deleted" });
    expect(en!.text).toContain("cannot be restored");
    expect(fr).toMatchObject({ userId: null, subject: "Votre compte ProfileHub a été supprimé" });
    expect(fr!.html).toContain("pas possible de le restaurer");

    await markSent(db(), en!.id);
    const sent = await db().outboxMail.findUniqueOrThrow({ where: { id: en!.id } });
    expect(sent.to).toBe("[erased]");
    expect(sent.sentAt).not.toBeNull();
  });

  it("with two-factor on, needs the current code too (both factors), and a wrong code deletes nothing", async () => {
    const user = await app.signUp();
    const me = await user.as();
    const { secretBase32 } = await me.me.totp.begin();
    await me.me.totp.enable({ secretBase32, code: codeAt(secretBase32, Date.now() - 30_000) });

    const noCode = await failure(me.me.delete({ confirmation: user.email, currentPassword: user.password }));
    expect(paths(noCode.issues)).toEqual(["code"]);
    const wrongCode = await failure(
      me.me.delete({ confirmation: user.email, currentPassword: user.password, code: "000000" }),
    );
    expect(wrongCode.issues).toEqual([{ path: "code", message: "This code is wrong or was already used" }]);
    // A wrong password never spends the code.
    const code = codeAt(secretBase32);
    await failure(me.me.delete({ confirmation: user.email, currentPassword: "wrong", code }));
    expect(await db().user.count({ where: { id: user.id } })).toBe(1);

    expect(await me.me.delete({ confirmation: user.email, currentPassword: user.password, code })).toEqual({
      deleted: true,
    });
    expect((await db().accountDeletion.findFirstOrThrow()).proof).toBe("password+totp");
  });

  it("is safe under concurrency: of parallel deletions one wins, once; a parallel update loses nothing else", async () => {
    const user = await richUser();
    const me = await user.as();
    const input = { confirmation: user.email, currentPassword: user.password };
    const results = await Promise.allSettled([
      me.me.delete(input),
      me.me.delete(input),
      me.me.update({ displayName: "Racing" }),
      me.me.delete(input),
    ]);
    const deletions = [results[0], results[1], results[3]];
    expect(deletions.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of deletions) {
      if (result?.status === "rejected") {
        expect((await failure(Promise.reject(result.reason as Error))).code).toBe("UNAUTHORIZED");
      }
    }
    expect(await db().accountDeletion.count()).toBe(1);
    expect(await notices(user.email)).toHaveLength(1);
    expect((await leftovers(user.id)).users).toBe(0);
    expect((await leftovers(user.id)).audit).toBe(0); // an update that committed first is erased with the rest
  });

  it("users.delete: server access deletes anyone (no proof), unknown users are not found, users cannot", async () => {
    const user = await richUser();
    const other = await app.signUp();
    const asOther = await other.as();
    expect((await failure(asOther.users.delete({ userId: user.id }))).reason).toBe("server_key_invalid");

    expect(await app.server().users.delete({ userId: user.id })).toEqual({ deleted: true });
    expect(await leftovers(user.id)).toMatchObject({ users: 0, sessions: 0, members: 0, audit: 0 });
    expect(await db().accountDeletion.findFirstOrThrow()).toMatchObject({
      userId: user.id,
      actorType: "server",
      door: "admin",
      proof: "server_key",
    });
    expect(await notices(user.email)).toHaveLength(1);
    expect((await failure(app.server().users.delete({ userId: user.id }))).reason).toBe("user_not_found");
    expect((await failure(app.server().users.delete({ userId: "abc" }))).reason).toBe("user_not_found");
    // Scoped to a project, a user of another project is not found.
    const elsewhere = await failure(app.server().users.delete({ userId: other.id, projectId: "other" }));
    expect(elsewhere.reason).toBe("user_not_found");
    expect(await db().user.count({ where: { id: other.id } })).toBe(1);
  });

  it("dialect D (Stack's client delete, no proof) only when the project turns client deletion on", async () => {
    const user = await app.signUp();
    const stack = await user.as("dialect-d");
    const refused = await failure(stack.me.delete({}));
    expect(refused).toMatchObject({ code: "FORBIDDEN", reason: "forbidden" });
    expect(refused.message).toBe("Client user deletion is not enabled for this project");
    expect(await db().user.count({ where: { id: user.id } })).toBe(1);

    const project = await app.server().admin.upsertProject({ projectId: "default", clientUserDeletionEnabled: true });
    expect(project.clientUserDeletionEnabled).toBe(true);
    // The native doors still require the proof whatever the setting.
    expect((await failure((await user.as()).me.delete({}))).reason).toBe("validation");
    expect(await stack.me.delete({})).toEqual({ deleted: true });
    expect(await db().accountDeletion.findFirstOrThrow()).toMatchObject({ door: "dialect-d", proof: "session" });
  });
});
