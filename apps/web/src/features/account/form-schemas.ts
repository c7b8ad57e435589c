import { emailSchema, passwordSchema, totpCodeSchema } from "@profilehub/validators";
import { z } from "zod";

import type { Messages } from "@/i18n";

/**
 * The account page's form schemas, built on the shared ones. Loaded by ./form-schemas-loader once
 * the page has hydrated, so zod is not part of the page's first load (docs/performance.md, "Pages").
 */

/**
 * The new address; the current one is refused here with a clear message. (The API treats it as
 * "no change": it is how "Cancel change" drops a pending address, so the router keeps accepting it.)
 */
export const emailForm = (current: string, unchanged: string) =>
  z.object({ email: emailSchema.refine((email) => email !== current, { message: unchanged }) });

export function passwordForm(t: Messages) {
  return z
    .object({
      currentPassword: z.string().min(1, { error: t.account.password.currentRequired }),
      password: passwordSchema(),
      confirm: z.string(),
      signOutOtherSessions: z.boolean(),
    })
    .refine((values) => values.password === values.confirm, { path: ["confirm"], error: t.account.password.mismatch });
}

/** A code of the authenticator app (turning two-factor on or off). */
export const codeForm = z.object({ code: totpCodeSchema });
