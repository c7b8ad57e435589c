import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { requireUser } from "@/features/auth/current-user";
import { MailboxList } from "@/features/mailbox/mailbox-list";
import { PageHeader } from "@/features/settings/page-header";
import { settingsTitle } from "@/features/settings/page-title";
import { getRuntime } from "@/server/runtime";

export const generateMetadata = (): Promise<Metadata> => settingsTitle("mailbox");

/** Only while mail is not sent (no SMTP_URL). */
export default async function MailboxPage() {
  const { caller } = await requireUser("/settings/mailbox");
  const { loaded } = await getRuntime();
  if (loaded.config.smtpUrl) notFound();
  const mails = await caller.mailbox.list();
  return (
    <>
      <PageHeader section="mailbox" />
      <MailboxList initial={mails} />
    </>
  );
}
