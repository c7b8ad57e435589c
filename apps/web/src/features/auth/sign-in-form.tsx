"use client";

import { checkEmail } from "@profilehub/validators";
import Link from "next/link";
import { useState } from "react";

import { ShieldCheckIcon } from "@/components/icons/shield-check";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { Field, fieldInputProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { SignedOutMessages } from "@/i18n/en-signed-out";
import { useSignedOutI18n } from "@/i18n/signed-out";
import { routerError } from "@/trpc/errors";
import { useProcedure } from "@/trpc/procedure";

import { failureMessage } from "../settings/failure";
import { AuthFormFooter } from "./auth-form-footer";
import { useChecksForm } from "./checks-form";
import { EmailField } from "./email-field";
import type { CodeStep as CodeStepType } from "./sign-in-code-step";

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
type CodeStepComponent = typeof CodeStepType;
/** The second step's chunk (./sign-in-code-step.tsx), fetched as the credentials are sent. */
const loadCodeStep = () => import("./sign-in-code-step").then((chunk) => chunk.CodeStep);

/**
 * Email and password; then, for accounts with two-factor on, the authenticator's code — or one of
 * the recovery codes instead.
 */
export function SignInForm({ next, expired }: { next: string; expired: boolean }) {
  const { t } = useSignedOutI18n();
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [CodeStep, setCodeStep] = useState<CodeStepComponent | null>(null);
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
        {credentials && CodeStep ? (
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
          <CredentialsStep
            signIn={signIn}
            onTotpRequired={(values, step) => {
              setCodeStep(() => step);
              setCredentials(values);
            }}
          />
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
  onTotpRequired: (credentials: Credentials, codeStep: CodeStepComponent) => void;
}) {
  const { t, problem, refusal } = useSignedOutI18n();
  const form = useChecksForm<Credentials>(credentialsChecks(t), problem);
  const [error, setError] = useState<string | null>(null);
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    // Fetched with the call, so an account with two-factor on gets its code step without waiting.
    const codeStep = loadCodeStep();
    codeStep.catch(() => undefined);
    try {
      await signIn.mutateAsync(values);
    } catch (failure) {
      const { reason } = routerError(failure);
      if (reason === "totp_required") {
        try {
          return onTotpRequired(values, await codeStep);
        } catch (loadFailure) {
          // The chunk did not come (the network went away since the call): said as a failed call.
          return setError(failureMessage(loadFailure, t, refusal));
        }
      }
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
