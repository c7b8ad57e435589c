"use client";

import { Trash2 } from "lucide-react";

import { Button } from "@/components/ui/button";
import { useI18n } from "@/i18n/provider";

import { lazyComponent } from "../settings/lazy-component";
import { useLazyDialog } from "../settings/lazy-dialog";
import { SettingsSection } from "../settings/section";

// The dialog (Radix's dialog, react-hook-form, the confirmation check) loads on demand.
const DeleteAccountDialog = lazyComponent(() =>
  import("./delete-account-dialog").then((module) => module.DeleteAccountDialog),
);

/** Account page's danger zone: "Delete account…" opens the confirmation dialog. */
export function DeleteAccountSection() {
  const { t } = useI18n();
  const { triggerProps, shown, dialogProps } = useLazyDialog(DeleteAccountDialog);
  return (
    <SettingsSection
      title={t.deleteAccount.title}
      description={t.deleteAccount.description}
      testId="section-delete-account"
    >
      <div>
        <Button size="sm" variant="destructive" {...triggerProps}>
          <Trash2 aria-hidden />
          {t.deleteAccount.open}
        </Button>
        {shown ? <DeleteAccountDialog {...dialogProps} /> : null}
      </div>
    </SettingsSection>
  );
}
