"use client";

import { Field, fieldInputProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useSignedOutI18n } from "@/i18n/signed-out";

import type { FieldRegistration } from "./checks-form";

/** The email address of the sign-in, sign-up and forgot-password forms (focused first). */
export function EmailField({ registration, error }: { registration: FieldRegistration; error?: string }) {
  const { t } = useSignedOutI18n();
  return (
    <Field id="email" label={t.auth.email} error={error}>
      <Input {...fieldInputProps("email", error)} type="email" autoComplete="email" autoFocus {...registration} />
    </Field>
  );
}
