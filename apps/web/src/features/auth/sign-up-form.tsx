"use client";

import { checkEmail, checkNewPassword } from "@profilehub/validators";

import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { Field, fieldInputProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useSignedOutI18n } from "@/i18n/signed-out";
import { useProcedure } from "@/trpc/procedure";

import { showServerErrors } from "../settings/server-errors";
import { AuthFormFooter } from "./auth-form-footer";
import { useChecksForm } from "./checks-form";
import { EmailField } from "./email-field";

/** As `signupInputSchema`'s email and password. */
const signUpChecks = { email: checkEmail, password: (value: string) => checkNewPassword(value) };

/** Email and password; the account is created and the browser signed in at once. */
export function SignUpForm({ next }: { next: string }) {
  const { t, problem, refusal } = useSignedOutI18n();
  const signUp = useProcedure("web.signUp", { onSuccess: () => window.location.assign(next) });
  const form = useChecksForm<{ email: string; password: string }>(signUpChecks, problem);
  const submit = form.handleSubmit(async (values) => {
    try {
      await signUp.mutateAsync(values);
    } catch (failure) {
      showServerErrors(form, failure, t, problem, refusal);
    }
  });
  const emailError = form.formState.errors.email?.message;
  const passwordError = form.formState.errors.password?.message;
  const rootError = form.formState.errors.root?.server?.message;
  const busy = form.formState.isSubmitting || signUp.isSuccess;
  return (
    <Card className="shadow-sm">
      <CardHeader className="gap-1.5">
        <h1 className="text-xl leading-tight font-semibold">{t.auth.signUp.title}</h1>
        <CardDescription>{t.auth.signUp.description}</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={(event) => void submit(event)} noValidate className="grid gap-4">
          <EmailField registration={form.register("email")} error={emailError} />
          <Field id="password" label={t.auth.password} description={t.auth.signUp.passwordHint} error={passwordError}>
            <Input
              {...fieldInputProps("password", passwordError, true)}
              type="password"
              autoComplete="new-password"
              {...form.register("password")}
            />
          </Field>
          <AuthFormFooter
            error={rootError}
            busy={busy}
            submitLabel={t.auth.signUp.submit}
            prompt={t.auth.signUp.haveAccount}
            linkHref="/sign-in"
            linkLabel={t.auth.signUp.signInLink}
          />
        </form>
      </CardContent>
    </Card>
  );
}
