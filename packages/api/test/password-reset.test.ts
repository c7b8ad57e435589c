import { describe, expect, it } from "vitest";

import { failure } from "./helpers/errors";
import { useTestApp } from "./helpers/test-app";

const app = useTestApp({ appUrl: "https://profiles.example.test:8443" });

const auth = () => app.anonymous("auth").auth;

/** The mails of `kind` queued for `userId`, oldest first. */
function mails(userId: string, kind: string) {
  return app.database.db.outboxMail.findMany({ where: { userId, kind }, orderBy: { createdAt: "asc" } });
}
const countAll = () => app.database.db.outboxMail.count();

const tokenOf = (text: string) => decodeURIComponent(/reset-password\?token=([^\s"<]+)/.exec(text)?.[1] ?? "");

/** Asks for a link for `email` and returns the token of the newest reset mail to `userId`. */
async function mailedToken(userId: string, email: string): Promise<string> {
  expect(await auth().recover({ email })).toEqual({ status: "accepted" });
  const queued = await mails(userId, "password_reset");
  return tokenOf(queued.at(-1)!.text);
}

describe("auth.recover + auth.reset (forgot password)", () => {
  it("mails an absolute APP_URL link whose token is stored only hashed, in the account's language", async () => {
    const user = await app.signUp();
    await auth().recover({ email: ` ${user.email.toUpperCase()} ` });
    const [mail] = await mails(user.id, "password_reset");
    expect(mail).toMatchObject({ to: user.email, subject: "Reset your password" });
    expect(mail!.text).toContain("https://profiles.example.test:8443/reset-password?token=");
    expect(mail!.html).toContain('href="https://profiles.example.test:8443/reset-password?token=');
    const token = tokenOf(mail!.text);
    expect(token.length).toBeGreaterThan(20);
    const links = await app.database.db.emailToken.findMany({ where: { userId: user.id, purpose: "reset_password" } });
    expect(links).toHaveLength(1);
    expect(links[0]!.tokenHash).not.toContain(token);
    const lifetime = links[0]!.expiresAt.getTime() - links[0]!.createdAt.getTime();
    expect(Math.abs(lifetime - 3600_000)).toBeLessThan(5_000);

    await app.database.db.$executeRaw`UPDATE users SET locale = 'fr' WHERE id = ${user.id}::uuid`;
    await auth().recover({ email: user.email });
    expect((await mails(user.id, "password_reset"))[1]!.subject).toBe("Réinitialisez votre mot de passe");
  });

  it("answers the same for an unknown address and queues nothing", async () => {
    await app.signUp();
    const before = await countAll();
    expect(await auth().recover({ email: "nobody@example.com" })).toEqual({ status: "accepted" });
    expect(await countAll()).toBe(before);
    expect(await auth().recover({ email: "nobody@example.com", projectId: "other" })).toEqual({ status: "accepted" });
    expect((await failure(auth().recover({ email: "not an address" }))).reason).toBe("validation");
  });

  it("resets once: new password works, old one and every session are gone, audit row and alert mail", async () => {
    const user = await app.signUp();
    const second = await auth().token({ grant_type: "password", email: user.email, password: user.password });
    const token = await mailedToken(user.id, user.email);

    expect(await auth().reset({ token, password: "a brand new secret" })).toEqual({ email: user.email });
    expect((await failure((await user.as()).me.get())).reason).toBe("session_revoked");
    const refreshed = auth().token({ grant_type: "refresh_token", refresh_token: second.refreshToken });
    expect((await failure(refreshed)).code).toBe("UNAUTHORIZED");
    const old = auth().token({ grant_type: "password", email: user.email, password: user.password });
    expect((await failure(old)).reason).toBe("invalid_credentials");
    const signedIn = await auth().token({ grant_type: "password", email: user.email, password: "a brand new secret" });
    expect(signedIn.user.id).toBe(user.id);

    const again = await failure(auth().reset({ token, password: "yet another secret" }));
    expect(again).toMatchObject({ code: "BAD_REQUEST", reason: "email_token_invalid" });
    const audit = await app.database.db.auditEvent.findMany({
      where: { userId: user.id, action: "security.password_reset" },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      door: "auth",
      actorUserId: user.id,
      changes: { password: { from: "[redacted]", to: "[redacted]" } },
    });
    const [alert] = await mails(user.id, "security_password_reset");
    expect(alert).toMatchObject({ to: user.email, subject: "Your password was reset" });
  });

  it("refuses an expired link, a wrong one, a weak password; a reset spends the other links", async () => {
    const user = await app.signUp();
    const expired = await mailedToken(user.id, user.email);
    await app.database.db.$executeRaw`
      UPDATE email_tokens SET "expiresAt" = now() - interval '1 second' WHERE "userId" = ${user.id}::uuid`;
    expect((await failure(auth().reset({ token: expired, password: "long enough pw" }))).reason).toBe(
      "email_token_invalid",
    );
    expect((await failure(auth().reset({ token: "made-up", password: "long enough pw" }))).reason).toBe(
      "email_token_invalid",
    );
    const first = await mailedToken(user.id, user.email);
    const second = await mailedToken(user.id, user.email);
    const weak = await failure(auth().reset({ token: first, password: "short" }));
    expect(weak).toMatchObject({ code: "BAD_REQUEST", reason: "validation" });
    expect(weak.issues.map((issue) => issue.path)).toEqual(["password"]);
    await auth().reset({ token: first, password: "long enough pw" });
    expect((await failure(auth().reset({ token: second, password: "other long pw" }))).reason).toBe(
      "email_token_invalid",
    );
    // A reset link is not an email-verification link (3 links an hour: start a new hour).
    await app.database.db.$executeRaw`DELETE FROM abuse_limits`;
    const third = await mailedToken(user.id, user.email);
    expect((await failure(auth().verifyEmail({ token: third }))).reason).toBe("email_token_invalid");
    expect(await auth().reset({ token: third, password: "still works pw" })).toEqual({ email: user.email });
  });

  it("mails at most 3 links an hour per address, answering the same past the limit", async () => {
    const user = await app.signUp();
    const other = await app.signUp();
    for (let i = 0; i < 5; i += 1) expect(await auth().recover({ email: user.email })).toEqual({ status: "accepted" });
    expect(await mails(user.id, "password_reset")).toHaveLength(3);
    await auth().recover({ email: other.email });
    expect(await mails(other.id, "password_reset")).toHaveLength(1);
  });
});
