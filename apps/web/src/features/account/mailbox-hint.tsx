"use client";

import Link from "next/link";

import { useI18n } from "@/i18n/provider";

/** Where a mailed link lands without SMTP: the development mailbox (only shown when it exists). */
export function MailboxHint({ show }: { show: boolean }) {
  const { t } = useI18n();
  if (!show) return null;
  return (
    <p>
      {t.account.email.mailboxHint}{" "}
      <Link href="/settings/mailbox" className="font-medium text-foreground underline underline-offset-4">
        {t.account.email.mailboxLink}
      </Link>
      .
    </p>
  );
}
