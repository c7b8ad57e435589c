"use client";

import { checkEmail } from "@profilehub/validators";
import Link from "next/link";

import { MailCheckIcon } from "@/components/icons/mail-check";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { useSignedOutI18n } from "@/i18n/signed-out";
import { useProcedure } from "@/trpc/procedure";

import { showServerErrors } from "../settings/server-errors";
import { AuthFormFooter } from "./auth-form-footer";
import { useChecksForm } from "./checks-form";
import { EmailField } from "./email-field";
import { FocusedHeading } from "./focused-heading";

/** As `recoverInputSchema`'s email. */
const forgotChecks = { email: checkEmail };

/** "Forgot password?": the address to mail a reset link to; the answer never says whether it has an account. */
export function ForgotPasswordForm() {
  const { t, problem, refusal } = useSignedOutI18n();
  const recover = useProcedure("auth.recover");
  const form = useChecksForm<{ email: string }>(forgotChecks, problem);
  const submit = form.handleSubmit(async (values) => {
    try {
      await recover.mutateAsync(values);
    } catch (failure) {
      showServerErrors(form, failure, t, problem, refusal);
    }
  });
  const sentTo = recover.isSuccess ? (recover.variables?.email ?? null) : null;
  const emailError = form.formState.errors.email?.message;
  const rootError = form.formState.errors.root?.server?.message;
  return (
    <Card className="shadow-sm">
      <CardHeader className="gap-1.5">
        {sentTo ? (
          <span className="mb-1 grid size-10 place-items-center rounded-full bg-accent text-accent-foreground">
            <MailCheckIcon aria-hidden className="size-5" />
          </span>
        ) : null}
        <FocusedHeading focus={sentTo !== null}>
          {sentTo ? t.auth.forgot.sentTitle : t.auth.forgot.title}
        </FocusedHeading>
        <CardDescription role={sentTo ? "status" : undefined}>
          {sentTo ? t.auth.forgot.sent(sentTo) : t.auth.forgot.description}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {sentTo ? (
          <Link href="/sign-in" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
            {t.auth.forgot.back}
          </Link>
        ) : (
          <form onSubmit={(event) => void submit(event)} noValidate className="grid gap-4">
            <EmailField registration={form.register("email")} error={emailError} />
            <AuthFormFooter
              error={rootError}
              busy={form.formState.isSubmitting}
              submitLabel={t.auth.forgot.submit}
              prompt=""
              linkHref="/sign-in"
              linkLabel={t.auth.forgot.back}
            />
          </form>
        )}
      </CardContent>
    </Card>
  );
}
