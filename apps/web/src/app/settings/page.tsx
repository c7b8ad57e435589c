import type { Metadata } from "next";

import { requireUser } from "@/features/auth/current-user";
import { ProfileSettings } from "@/features/profile/profile-settings";
import { PageHeader } from "@/features/settings/page-header";
import { settingsTitle } from "@/features/settings/page-title";

export const generateMetadata = (): Promise<Metadata> => settingsTitle("profile");

export default async function ProfilePage() {
  await requireUser("/settings");
  return (
    <>
      <PageHeader section="profile" />
      <ProfileSettings />
    </>
  );
}
