"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { MailWarning } from "lucide-react";
import { useState } from "react";

import { useToast } from "@/components/toaster";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

import { failureMessage } from "../settings/failure";
import { MailboxHint } from "./mailbox-hint";

/** The address was never verified (the sign-up mail got lost): send its link again. */
export function VerifyAddressBanner({ email, showMailbox }: { email: string; showMailbox: boolean }) {
  const { t, refusal } = useI18n();
  const toast = useToast();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const resend = useMutation(
    trpc.me.resendVerification.mutationOptions({
      onMutate: () => setError(null),
      onSuccess: (result) => {
        if (result.status === "sent") toast(t.account.email.linkSent(result.email));
        else void queryClient.invalidateQueries({ queryKey: trpc.me.get.queryKey() });
      },
      onError: (failure) => setError(failureMessage(failure, t, refusal)),
    }),
  );
  return (
    <div className="pb-4">
      <Alert variant="warning" data-testid="verify-address-banner">
        <MailWarning aria-hidden />
        <AlertTitle>{t.account.email.unverifiedTitle}</AlertTitle>
        <AlertDescription>
          <p>{t.account.email.unverifiedBody(email)}</p>
          <MailboxHint show={showMailbox} />
          <div className="mt-2">
            <Button size="sm" variant="outline" disabled={resend.isPending} onClick={() => resend.mutate()}>
              {resend.isPending ? t.account.email.resending : t.account.email.resendVerification}
            </Button>
          </div>
          {error ? (
            <p role="alert" className="font-medium text-destructive">
              {error}
            </p>
          ) : null}
        </AlertDescription>
      </Alert>
    </div>
  );
}
