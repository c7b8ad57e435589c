import type { Metadata } from "next";

import { ActivityList } from "@/features/activity/activity-list";
import { ACTIVITY_PAGE_SIZE } from "@/features/activity/describe";
import { requireUser } from "@/features/auth/current-user";
import { PageHeader } from "@/features/settings/page-header";
import { settingsTitle } from "@/features/settings/page-title";

export const generateMetadata = (): Promise<Metadata> => settingsTitle("activity");

export default async function ActivityPage() {
  const { caller } = await requireUser("/settings/activity");
  const first = await caller.me.activity({ limit: ACTIVITY_PAGE_SIZE });
  return (
    <>
      <PageHeader section="activity" />
      <ActivityList initial={first} />
    </>
  );
}
