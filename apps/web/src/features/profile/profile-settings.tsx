"use client";

import { useEffect } from "react";

import { useI18n } from "@/i18n/provider";

import { SettingsSection } from "../settings/section";
import { AvatarRow } from "./avatar/avatar-row";
import { preloadFormSchemas } from "./form-schemas-loader";
import { preloadEditForms } from "./lazy-forms";
import { LocationRow } from "./location-row";
import { AppMetadataRow, FeatureFlagsRow, UserMetadataRow } from "./metadata-rows";
import { LocaleRow, NotificationsRow } from "./preferences";
import { BioRow, BirthdateRow, DisplayNameRow, FullNameRow } from "./text-rows";
import { UsernameRow } from "./username-row";

/** /settings: every profile field, each edited in place. */
export function ProfileSettings() {
  const { t } = useI18n();
  useEffect(() => {
    preloadFormSchemas();
    preloadEditForms();
  }, []);
  return (
    <div className="grid gap-6">
      <SettingsSection title={t.profile.personal} description={t.profile.personalDescription} testId="section-personal">
        <AvatarRow />
        <DisplayNameRow />
        <FullNameRow />
        <UsernameRow />
        <BioRow />
        <BirthdateRow />
        <LocationRow />
      </SettingsSection>
      <SettingsSection
        title={t.profile.preferences}
        description={t.profile.preferencesDescription}
        testId="section-preferences"
      >
        <LocaleRow />
        <NotificationsRow />
      </SettingsSection>
      <SettingsSection title={t.profile.advanced} description={t.profile.advancedDescription} testId="section-advanced">
        <FeatureFlagsRow />
        <UserMetadataRow />
        <AppMetadataRow />
      </SettingsSection>
    </div>
  );
}
