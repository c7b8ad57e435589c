import { z } from "zod";

import { appError } from "../../errors";
import { listMailbox } from "../../services/mail/mailbox";
import { isSessionLive } from "../../services/sessions/is-session-live";
import { callerProcedure } from "../../trpc";

const mailSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: z.string(),
});

/**
 * `mailbox.list`: the development mailbox, only while mail is not sent (no SMTP_URL) — so a
 * newcomer can open a verification link without a mail server. Users see their own mails.
 */
export const mailboxListProcedure = callerProcedure.output(z.array(mailSchema)).query(async ({ ctx }) => {
  if (ctx.services.config.smtpUrl) throw appError("mailbox_disabled");
  if (ctx.serverAccess) return listMailbox(ctx.services.db, null);
  if (!ctx.session || !(await isSessionLive(ctx.services.db, ctx.session))) {
    throw appError("session_revoked");
  }
  return listMailbox(ctx.services.db, ctx.session.userId);
});
