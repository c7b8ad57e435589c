"use client";

import { resetInputSchema } from "@profilehub/validators";
import { useMutation } from "@tanstack/react-query";
import { CircleCheck } from "lucide-react";
import Link from "next/link";
import { useForm } from "react-hook-form";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { Field, fieldInputProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

import { problemResolver } from "../settings/problem-resolver";
import { showServerErrors } from "../settings/use-update-form";
import { AuthFormFooter } from "./auth-form-footer";
import { FocusedHeading } from "./focused-heading";

const resetForm = resetInputSchema.pick({ password: true });

/** The page of the mailed link: a new password, then every session is signed out. */
export function ResetPasswordForm({ token }: { token: string }) {
  const { t, problem, refusal } = useI18n();
  const trpc = useTRPC();
  const reset = useMutation(trpc.auth.reset.mutationOptions());
  const form = useForm({ resolver: problemResolver(resetForm, problem), defaultValues: { password: "" } });
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
            <CircleCheck aria-hidden className="size-5" />
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
  const { t } = useI18n();
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
