"use client";

import { useId } from "react";
import { Controller } from "react-hook-form";

import { Checkbox } from "@/components/ui/checkbox";
import { Field, fieldInputProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useI18n } from "@/i18n/provider";
import { cn } from "@/lib/utils";

import { FormActions } from "../settings/editable-row";
import { SettingsSection } from "../settings/section";
import { useUpdateForm } from "../settings/use-update-form";
import { accountSchemas } from "./form-schemas-loader";
import { passwordStrength } from "./password-strength";

const EMPTY = { currentPassword: "", password: "", confirm: "", signOutOtherSessions: true };

/** Current password, new password twice (with a strength meter), and "sign out other devices". */
export function PasswordSection() {
  const { t } = useI18n();
  const { form, submit, pending, rootError, errorOf } = useUpdateForm({
    schema: () => accountSchemas().then((schemas) => schemas.passwordForm(t)),
    defaultValues: EMPTY,
    toUpdate: (values) => ({
      password: values.password,
      currentPassword: values.currentPassword,
      signOutOtherSessions: values.signOutOtherSessions,
    }),
    savedMessage: (values) =>
      values.signOutOtherSessions ? t.account.password.changedSignedOut : t.account.password.changed,
    onSaved: (): void => form.reset(EMPTY),
  });
  const password = form.watch("password");
  const strength = passwordStrength(password);
  const meterId = useId();
  return (
    <SettingsSection
      title={t.account.password.title}
      description={t.account.password.description}
      testId="section-password"
    >
      <form onSubmit={submit} noValidate className="grid max-w-xl gap-4">
        {/* Lets password managers tie the new password to the account. */}
        <input type="text" name="username" autoComplete="username" hidden readOnly />
        <Field id="currentPassword" label={t.account.password.current} error={errorOf("currentPassword")}>
          <Input
            {...fieldInputProps("currentPassword", errorOf("currentPassword"))}
            type="password"
            autoComplete="current-password"
            {...form.register("currentPassword")}
          />
        </Field>
        <Field id="newPassword" label={t.account.password.new} error={errorOf("password")}>
          <Input
            {...fieldInputProps("newPassword", errorOf("password"))}
            aria-describedby={[meterId, errorOf("password") ? "newPassword-error" : ""].join(" ").trim()}
            type="password"
            autoComplete="new-password"
            {...form.register("password")}
          />
        </Field>
        <StrengthMeter id={meterId} score={strength} visible={password.length > 0} />
        <Field id="confirmPassword" label={t.account.password.confirm} error={errorOf("confirm")}>
          <Input
            {...fieldInputProps("confirmPassword", errorOf("confirm"))}
            type="password"
            autoComplete="new-password"
            {...form.register("confirm")}
          />
        </Field>
        <Controller
          control={form.control}
          name="signOutOtherSessions"
          render={({ field }) => (
            <div className="flex items-start gap-3">
              <Checkbox
                id="signOutOtherSessions"
                className="mt-0.5"
                checked={field.value}
                onCheckedChange={(checked) => field.onChange(checked === true)}
                aria-describedby="signOutOtherSessions-hint"
              />
              <div className="grid gap-0.5">
                <Label htmlFor="signOutOtherSessions">{t.account.password.signOutOthers}</Label>
                <p id="signOutOtherSessions-hint" className="text-[0.8125rem] text-muted-foreground">
                  {t.account.password.signOutOthersHint}
                </p>
              </div>
            </div>
          )}
        />
        <FormActions
          pending={pending}
          error={rootError}
          canSave={form.formState.isDirty}
          saveLabel={t.account.password.submit}
          testId="password"
        />
      </form>
    </SettingsSection>
  );
}

const TONES = ["bg-destructive", "bg-destructive", "bg-warning", "bg-success", "bg-success"];

function StrengthMeter({ id, score, visible }: { id: string; score: number; visible: boolean }) {
  const { t } = useI18n();
  const label = t.account.password.levels[score] ?? "";
  return (
    <div id={id} className={cn("-mt-2 grid gap-1.5", !visible && "hidden")}>
      <div
        role="meter"
        aria-label={t.account.password.strength}
        aria-valuemin={0}
        aria-valuemax={4}
        aria-valuenow={score}
        aria-valuetext={label}
        className="grid grid-cols-4 gap-1"
      >
        {[1, 2, 3, 4].map((step) => (
          <span key={step} className={cn("h-1.5 rounded-full bg-muted", score >= step && TONES[score])} />
        ))}
      </div>
      <p className="text-[0.8125rem] text-muted-foreground" data-testid="password-strength">
        {t.account.password.strength}: <span className="font-medium text-foreground">{label}</span>
      </p>
    </div>
  );
}
