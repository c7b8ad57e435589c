"use client";

import { checkRecoveryCode, checkTotpCode } from "@profilehub/validators";

import { Button } from "@/components/ui/button";
import { CodeInput } from "@/components/ui/code-input";
import { Field, fieldInputProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { useSignedOutI18n } from "@/i18n/signed-out";
import { routerError } from "@/trpc/errors";
import type { useProcedure } from "@/trpc/procedure";

import { failureMessage } from "../settings/failure";
import { useChecksForm } from "./checks-form";

// The sign-in's second step, its own chunk: only accounts with two-factor on see it, so the sign-in
// page loads it when the credentials are sent (`loadCodeStep` in ./sign-in-form.tsx), not with the page.

type SignIn = ReturnType<typeof useProcedure<"web.signIn">>;

const codeChecks = { code: checkTotpCode };
const recoveryChecks = { code: checkRecoveryCode };

/** The second step: a code from the app, or (toggled) a recovery code, which is spent. */
export function CodeStep({
  credentials,
  signIn,
  recovery,
  onToggle,
  onBack,
}: {
  credentials: { email: string; password: string };
  signIn: SignIn;
  recovery: boolean;
  onToggle: () => void;
  onBack: () => void;
}) {
  const { t, problem, refusal } = useSignedOutI18n();
  const form = useChecksForm<{ code: string }>(recovery ? recoveryChecks : codeChecks, problem);
  const submit = form.handleSubmit(async ({ code }) => {
    try {
      await signIn.mutateAsync({ ...credentials, ...(recovery ? { recoveryCode: code } : { totp: code }) });
    } catch (failure) {
      const { reason } = routerError(failure);
      const invalid = recovery ? t.auth.signIn.recoveryInvalid : t.auth.signIn.totpInvalid;
      const message = reason === "totp_invalid" ? invalid : failureMessage(failure, t, refusal);
      form.setError("code", { type: "server", message }, { shouldFocus: true });
    }
  });
  const codeError = form.formState.errors.code?.message;
  const busy = form.formState.isSubmitting || signIn.isSuccess;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="grid gap-4">
      {recovery ? (
        <Field id="recovery-code" label={t.auth.signIn.recoveryLabel} error={codeError}>
          <Input
            {...fieldInputProps("recovery-code", codeError)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={64}
            placeholder="XXXX-XXXX-XXXX-XXXX"
            autoFocus
            className="font-mono tracking-wider"
            {...form.register("code")}
          />
        </Field>
      ) : (
        <Field id="totp" label={t.auth.signIn.totpLabel} error={codeError}>
          <CodeInput
            {...fieldInputProps("totp", codeError)}
            autoFocus

            {...form.register("code")}
          />
        </Field>
      )}
      <Button type="submit" disabled={busy} className="w-full">
        {busy ? <Spinner /> : null}
        {t.auth.signIn.totpSubmit}
      </Button>
      <Button variant="link" size="sm" onClick={onToggle} data-testid="toggle-recovery-code">
        {recovery ? t.auth.signIn.useTotp : t.auth.signIn.useRecovery}
      </Button>
      <Button variant="ghost" size="sm" onClick={onBack}>
        {t.auth.signIn.back}
      </Button>
    </form>
  );
}
