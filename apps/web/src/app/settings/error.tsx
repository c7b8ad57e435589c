"use client";

import { CircleAlert } from "lucide-react";

import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useI18n } from "@/i18n/provider";

/** A settings page that failed to load (e.g. the database went away): say so, offer a retry. */
export default function SettingsError({ reset }: { error: Error; reset: () => void }) {
  const { t } = useI18n();
  return (
    <Alert variant="destructive" role="alert">
      <CircleAlert aria-hidden />
      <AlertTitle>{t.common.genericError}</AlertTitle>
      <AlertDescription>
        <div>
          <Button size="sm" variant="outline" className="mt-2" onClick={reset}>
            {t.common.tryAgain}
          </Button>
        </div>
      </AlertDescription>
    </Alert>
  );
}
