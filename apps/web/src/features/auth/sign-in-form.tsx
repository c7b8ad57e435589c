"use client";

import { checkEmail, checkRecoveryCode, checkTotpCode } from "@profilehub/validators";
import Link from "next/link";
import { useState } from "react";

import { ShieldCheckIcon } from "@/components/icons/shield-check";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { CodeInput } from "@/components/ui/code-input";
import { Field, fieldInputProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import type { SignedOutMessages } from "@/i18n/en-signed-out";
import { useSignedOutI18n } from "@/i18n/signed-out";
import { routerError } from "@/trpc/errors";
import { useProcedure } from "@/trpc/procedure";

import { failureMessage } from "../settings/failure";
import { AuthFormFooter } from "./auth-form-footer";
import { useChecksForm } from "./checks-form";
import { EmailField } from "./email-field";

type Credentials = {
  email: string;
  password: string;
};
function credentialsChecks(t: SignedOutMessages) {
  return {
    email: checkEmail,
    password: (value: string) =>
      value.length > 0 ? { ok: true as const, value } : { ok: false as const, text: t.auth.passwordRequired },
  };
}
const codeChecks = { code: checkTotpCode };
const recoveryChecks = { code: checkRecoveryCode };

/**
 * Email and password; then, for accounts with two-factor on, the authenticator's code — or one of
 * the recovery codes instead.
 */
export function SignInForm({ next, expired }: { next: string; expired: boolean }) {
  const { t } = useSignedOutI18n();
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [recovery, setRecovery] = useState(false);
  const codeTitle = recovery ? t.auth.signIn.recoveryTitle : t.auth.signIn.totpTitle;
  const codeDescription = recovery ? t.auth.signIn.recoveryDescription : t.auth.signIn.totpDescription;
  const signIn = useSignIn(next);
  return (
    <Card className="shadow-sm">
      <CardHeader className="gap-1.5">
        {credentials ? (
          <span className="mb-1 grid size-10 place-items-center rounded-full bg-accent text-accent-foreground">
            <ShieldCheckIcon aria-hidden className="size-5" />
          </span>
        ) : null}
        <h1 className="text-xl leading-tight font-semibold">{credentials ? codeTitle : t.auth.signIn.title}</h1>
        <CardDescription>{credentials ? codeDescription : t.auth.signIn.description}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {expired && !credentials ? (
          <Alert variant="info">
            <AlertDescription>{t.auth.signIn.expired}</AlertDescription>
          </Alert>
        ) : null}
        {credentials ? (
          <CodeStep
            key={recovery ? "recovery" : "totp"}
            credentials={credentials}
            signIn={signIn}
            recovery={recovery}
            onToggle={() => setRecovery(!recovery)}
            onBack={() => {
              setRecovery(false);
              setCredentials(null);
            }}
          />
        ) : (
          <CredentialsStep signIn={signIn} onTotpRequired={setCredentials} />
        )}
      </CardContent>
    </Card>
  );
}

type SignIn = ReturnType<typeof useSignIn>;
function useSignIn(next: string) {
  return useProcedure("web.signIn", { onSuccess: () => window.location.assign(next) });
}

function CredentialsStep({
  signIn,
  onTotpRequired,
}: {
  signIn: SignIn;
  onTotpRequired: (credentials: Credentials) => void;
}) {
  const { t, problem, refusal } = useSignedOutI18n();
  const form = useChecksForm<Credentials>(credentialsChecks(t), problem);
  const [error, setError] = useState<string | null>(null);
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await signIn.mutateAsync(values);
    } catch (failure) {
      const { reason } = routerError(failure);
      if (reason === "totp_required") return onTotpRequired(values);
      setError(
        reason === "invalid_credentials" ? t.auth.signIn.invalidCredentials : failureMessage(failure, t, refusal),
      );
    }
  });
  const emailError = form.formState.errors.email?.message;
  const passwordError = form.formState.errors.password?.message;
  const busy = form.formState.isSubmitting || signIn.isSuccess;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="grid gap-4">
      <EmailField registration={form.register("email")} error={emailError} />
      <Field id="password" label={t.auth.password} error={passwordError}>
        <Input
          {...fieldInputProps("password", passwordError)}
          type="password"
          autoComplete="current-password"
          {...form.register("password")}
        />
      </Field>
      <Link
        href="/forgot-password"
        className="-mt-2 justify-self-end text-sm font-medium text-primary underline-offset-4 hover:underline"
      >
        {t.auth.signIn.forgotLink}
      </Link>
      <AuthFormFooter
        error={error}
        errorTestId="sign-in-error"
        busy={busy}
        submitLabel={t.auth.signIn.submit}
        prompt={t.auth.signIn.noAccount}
        linkHref="/sign-up"
        linkLabel={t.auth.signIn.signUpLink}
      />
    </form>
  );
}

/** The second step: a code from the app, or (toggled) a recovery code, which is spent. */
function CodeStep({
  credentials,
  signIn,
  recovery,
  onToggle,
  onBack,
}: {
  credentials: Credentials;
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
