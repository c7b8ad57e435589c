"use client";

import { checkNewPassword } from "@profilehub/validators";
import Link from "next/link";

import { CircleCheckIcon } from "@/components/icons/circle-check";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { Field, fieldInputProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useSignedOutI18n } from "@/i18n/signed-out";
import { useProcedure } from "@/trpc/procedure";

import { showServerErrors } from "../settings/server-errors";
import { AuthFormFooter } from "./auth-form-footer";
import { useChecksForm } from "./checks-form";
import { FocusedHeading } from "./focused-heading";

/** As `resetInputSchema`'s password. */
const resetChecks = { password: (value: string) => checkNewPassword(value) };

/** The page of the mailed link: a new password, then every session is signed out. */
export function ResetPasswordForm({ token }: { token: string }) {
  const { t, problem, refusal } = useSignedOutI18n();
  const reset = useProcedure("auth.reset");
  const form = useChecksForm<{ password: string }>(resetChecks, problem);
  const submit = form.handleSubmit(async ({ password }) => {
    try {
      await reset.mutateAsync({ token, password });
    } catch (failure) {
      showServerErrors(form, failure, t, problem, refusal);
    }
  });
  const done = reset.isSuccess;
  const passwordError = form.formState.errors.password?.message;
  const rootError = form.formState.errors.root?.server?.message;
  return (
    <Card className="shadow-sm">
      <CardHeader className="gap-1.5">
        {done ? (
          <span className="mb-1 grid size-10 place-items-center rounded-full bg-accent text-accent-foreground">
            <CircleCheckIcon aria-hidden className="size-5" />
          </span>
        ) : null}
        <FocusedHeading focus={done}>{done ? t.auth.reset.doneTitle : t.auth.reset.title}</FocusedHeading>
        <CardDescription role={done ? "status" : undefined}>
          {done ? t.auth.reset.done : t.auth.reset.description}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {done ? (
          <Link href="/sign-in" className={buttonVariants({ className: "w-full" })}>
            {t.auth.reset.signIn}
          </Link>
        ) : token === "" ? (
          <MissingToken />
        ) : (
          <form onSubmit={(event) => void submit(event)} noValidate className="grid gap-4">
            <Field
              id="password"
              label={t.auth.reset.password}
              description={t.auth.signUp.passwordHint}
              error={passwordError}
            >
              <Input
                {...fieldInputProps("password", passwordError, true)}
                type="password"
                autoComplete="new-password"
                autoFocus
                {...form.register("password")}
              />
            </Field>
            <AuthFormFooter
              error={rootError}
              errorTestId="reset-error"
              busy={form.formState.isSubmitting}
              submitLabel={t.auth.reset.submit}
              prompt=""
              linkHref="/forgot-password"
              linkLabel={t.auth.reset.askAgain}
            />
          </form>
        )}
      </CardContent>
    </Card>
  );
}

function MissingToken() {
  const { t } = useSignedOutI18n();
  return (
    <>
      <Alert variant="warning">
        <AlertDescription>{t.auth.reset.missingToken}</AlertDescription>
      </Alert>
      <Link href="/forgot-password" className={buttonVariants({ variant: "outline", className: "w-full" })}>
        {t.auth.reset.askAgain}
      </Link>
    </>
  );
}
