import type { Metadata } from "next";

import { requireUser } from "@/features/auth/current-user";
import { SessionsList } from "@/features/sessions/sessions-list";
import { PageHeader } from "@/features/settings/page-header";
import { settingsTitle } from "@/features/settings/page-title";

export const generateMetadata = (): Promise<Metadata> => settingsTitle("sessions");

export default async function SessionsPage() {
  const { caller } = await requireUser("/settings/sessions");
  const sessions = await caller.sessions.list();
  return (
    <>
      <PageHeader section="sessions" />
      <SessionsList initial={sessions} />
    </>
  );
}
