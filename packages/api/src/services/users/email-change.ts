import { hashOpaqueToken, newOpaqueToken } from "../../auth/opaque-token";
import { inEveryLocale } from "../../mail/localized";
import {
  confirmEmailChangeMail,
  emailChangeNoticeMail,
  verifyEmailLink,
  verifyNewEmailMail,
} from "../../mail/templates";
import type { EmailChangePlan } from "./update-plan";

/**
 * Plans an email change: the link token (stored hashed) and the two mails — a link to the new
 * address and a notice to the old one. They are written with the change, only if the address
 * really changes. `alreadyVerified`: server access marked the new address verified, so no link.
 */
export function planEmailChange(options: {
  address: string;
  mode: "pending" | "immediate";
  appUrl: string;
  alreadyVerified: boolean;
}): EmailChangePlan {
  const { address, mode, appUrl } = options;
  const pending = mode === "pending";
  const notice = {
    kind: "email_change_notice",
    recipient: "old" as const,
    mail: inEveryLocale((locale) => emailChangeNoticeMail(locale, address, pending)),
  };
  if (options.alreadyVerified && !pending) {
    return { address, mode, token: null, mails: [notice] };
  }
  const token = newOpaqueToken();
  const link = verifyEmailLink(appUrl, token);
  const linkMail = pending
    ? {
        kind: "email_change_confirm",
        recipient: "new" as const,
        mail: inEveryLocale((locale) => confirmEmailChangeMail(locale, address, link)),
      }
    : {
        kind: "email_verify",
        recipient: "new" as const,
        mail: inEveryLocale((locale) => verifyNewEmailMail(locale, address, link)),
      };
  return {
    address,
    mode,
    token: { hash: hashOpaqueToken(token), purpose: pending ? "change_email" : "verify_email" },
    mails: [linkMail, notice],
  };
}
