"use client";

import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { useI18n } from "@/i18n/provider";

import type { LazyDialogProps } from "../settings/lazy-dialog";

/** "Sign out everywhere else?" (./sessions-list), loaded on demand: it signs out every other device at once. */
export function SignOutOthersDialog({
  open,
  onOpenChange,
  onClosed,
  others,
  onConfirm,
}: LazyDialogProps & { others: number; onConfirm: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        closeLabel={t.common.close}
        className="max-w-md"
        data-testid="confirm-revoke-others"
        onClosed={onClosed}
      >
        <DialogHeader>
          <DialogTitle>{t.sessions.confirmOthersTitle}</DialogTitle>
          <DialogDescription>{t.sessions.confirmOthers(others)}</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">{t.common.cancel}</Button>
          </DialogClose>
          <Button
            variant="destructive"
            onClick={() => {
              onOpenChange(false);
              onConfirm();
            }}
          >
            {t.sessions.revokeOthers}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
