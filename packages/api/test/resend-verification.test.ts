import { describe, expect, it } from "vitest";

import { failure } from "./helpers/errors";
import { useTestApp } from "./helpers/test-app";

const app = useTestApp();

/** The verification mails queued for `userId`, oldest first. */
async function verificationMails(userId: string) {
  return app.database.db.outboxMail.findMany({
    where: { userId, kind: "email_verify" },
    orderBy: { createdAt: "asc" },
  });
}

const tokenOf = (text: string) => decodeURIComponent(/verify-email\?token=([^\s"<]+)/.exec(text)?.[1] ?? "");

describe("me.resendVerification (the sign-up verification mail again)", () => {
  it("queues a new link for the unverified address; the new link verifies it; then there is nothing to resend", async () => {
    const user = await app.signUp();
    const me = await user.as();
    expect(await me.me.resendVerification()).toEqual({ status: "sent", email: user.email });
    const mails = await verificationMails(user.id);
    expect(mails).toHaveLength(2); // sign-up's and the resent one
    expect(mails[1]).toMatchObject({ to: user.email, subject: "Verify your email address" });
    const token = tokenOf(mails[1]!.text);
    expect(token).not.toBe(tokenOf(mails[0]!.text));

    const verified = await app.anonymous("auth").auth.verifyEmail({ token });
    expect(verified).toEqual({ email: user.email, purpose: "verify_email" });
    expect(await me.me.get()).toMatchObject({ emailVerified: true });
    expect(await me.me.resendVerification()).toEqual({ status: "already_verified" });
    expect(await verificationMails(user.id)).toHaveLength(2);
  });

  it("allows 3 resends an hour per account, then refuses with rate_limited (other accounts unaffected)", async () => {
    const user = await app.signUp();
    const me = await user.as();
    for (let i = 0; i < 3; i += 1) expect((await me.me.resendVerification()).status).toBe("sent");
    const refused = await failure(me.me.resendVerification());
    expect(refused).toMatchObject({ code: "TOO_MANY_REQUESTS", reason: "rate_limited" });
    expect(await verificationMails(user.id)).toHaveLength(4);
    const other = await app.signUp();
    expect((await (await other.as()).me.resendVerification()).status).toBe("sent");
  });

  it("needs a signed-in caller", async () => {
    expect((await failure(app.anonymous().me.resendVerification())).reason).toBe("token_missing");
  });
});
