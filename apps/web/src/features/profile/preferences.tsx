"use client";

import { LOCALES } from "@profilehub/validators";
import { useEffect, useState } from "react";
import { Controller } from "react-hook-form";

import { Checkbox } from "@/components/ui/checkbox";
import { Field, fieldInputProps } from "@/components/ui/field";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { loadMessages } from "@/i18n/messages";
import { useI18n } from "@/i18n/provider";

import { EditableRow, FormActions } from "../settings/editable-row";
import { useMe } from "../settings/me";
import { useUpdateForm } from "../settings/use-update-form";
import { formSchemas } from "./form-schemas-loader";
import { cancelOnEscape } from "./text-rows";

/** The account's language; saving it switches the whole UI at once (optimistically). */
export function LocaleRow() {
  const user = useMe();
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  return (
    <EditableRow
      id="locale"
      label={t.profile.locale.label}
      value={<span lang={user.locale}>{t.profile.locale[user.locale]}</span>}
      editing={editing}
      onEdit={() => setEditing(true)}
    >
      <LocaleForm initial={user.locale} onClose={() => setEditing(false)} />
    </EditableRow>
  );
}

function LocaleForm({ initial, onClose }: { initial: (typeof LOCALES)[number]; onClose: () => void }) {
  const { t } = useI18n();
  const { form, submit, pending, rootError, errorOf } = useUpdateForm({
    schema: () => formSchemas().then((schemas) => schemas.localeForm),
    defaultValues: { locale: initial },
    toUpdate: (values) => ({ locale: values.locale }),
    // The UI switches with the optimistic update: its dictionary must be here by then.
    beforeSave: (values) => loadMessages(values.locale),
    savedMessage: t.common.saved(t.profile.locale.label),
    onSaved: onClose,
  });
  const error = errorOf("locale");
  useEffect(() => {
    // Each page ships only its language's dictionary: fetch the others now, so that saving a
    // language switches the UI (and says "saved") in the new one at once.
    for (const locale of LOCALES) loadMessages(locale).catch(() => undefined);
  }, []);
  return (
    <form
      onSubmit={submit}
      onKeyDown={cancelOnEscape(onClose, form.formState.isDirty && t.common.discardChanges)}
      noValidate
      className="grid gap-4"
    >
      <Field
        id="locale"
        label={t.profile.locale.label}
        hideLabel
        description={t.profile.locale.description}
        error={error}
      >
        <NativeSelect
          {...fieldInputProps("locale", error, true)}
          autoFocus
          className="sm:max-w-64"
          {...form.register("locale")}
        >
          {LOCALES.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {t.profile.locale[locale]}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <FormActions pending={pending} onCancel={onClose} error={rootError} canSave={form.formState.isDirty} />
    </form>
  );
}

/**
 * The notification keys this app offers (stored in the account's `notifications` list; the router
 * accepts any tag, so keys set by other apps are kept untouched).
 */
export const NOTIFICATION_KEYS = [
  "email_security_alerts",
  "email_new_transaction",
  "push_new_transaction",
  "email_product_updates",
] as const;

/** Checkboxes, always visible; Save and Cancel come alive once something changed. */
export function NotificationsRow() {
  const user = useMe();
  const { t } = useI18n();
  return (
    <div
      className="grid gap-x-6 gap-y-2 py-4 first:pt-0 last:pb-0 sm:grid-cols-[11rem_1fr]"
      data-testid="row-notifications"
    >
      <div className="pt-1.5 text-sm font-medium" id="notifications-label">
        {t.profile.notifications.label}
      </div>
      <NotificationsForm stored={user.notifications} />
    </div>
  );
}

function NotificationsForm({ stored }: { stored: string[] }) {
  const { t } = useI18n();
  const { form, submit, pending, rootError, errorOf } = useUpdateForm({
    schema: () => formSchemas().then((schemas) => schemas.notificationsForm),
    defaultValues: { notifications: stored },
    toUpdate: (values) => ({ notifications: values.notifications }),
    savedMessage: t.common.saved(t.profile.notifications.label),
  });
  const others = stored.filter((key) => !(NOTIFICATION_KEYS as readonly string[]).includes(key));
  const dirty = form.formState.isDirty;
  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <fieldset
        className="grid gap-3"
        aria-labelledby="notifications-label"
        aria-describedby="notifications-description"
      >
        <p id="notifications-description" className="pt-1.5 text-[0.8125rem] text-muted-foreground">
          {t.profile.notifications.description}
        </p>
        <Controller
          control={form.control}
          name="notifications"
          render={({ field }) => (
            <>
              {NOTIFICATION_KEYS.map((key) => {
                const id = `notification-${key}`;
                const copy = t.profile.notifications.keys[key];
                return (
                  <div key={key} className="flex items-start gap-3">
                    <Checkbox
                      id={id}
                      className="mt-0.5"
                      checked={field.value.includes(key)}
                      aria-describedby={`${id}-description`}
                      onCheckedChange={(checked) =>
                        field.onChange(
                          checked === true ? [...field.value, key] : field.value.filter((item) => item !== key),
                        )
                      }
                    />
                    <div className="grid gap-0.5">
                      <Label htmlFor={id} className="leading-snug">
                        {copy.label}
                      </Label>
                      <p id={`${id}-description`} className="text-[0.8125rem] text-muted-foreground">
                        {copy.description}
                      </p>
                    </div>
                  </div>
                );
              })}
            </>
          )}
        />
        {others.length > 0 ? (
          <p className="text-[0.8125rem] text-muted-foreground">{t.profile.notifications.others(others.join(", "))}</p>
        ) : null}
        {errorOf("notifications") ? (
          <p className="text-[0.8125rem] font-medium text-destructive">{errorOf("notifications")}</p>
        ) : null}
      </fieldset>
      {dirty || pending || rootError ? (
        <FormActions
          pending={pending}
          onCancel={() => form.reset()}
          error={rootError}
          canSave={dirty}
          testId="notifications"
        />
      ) : null}
    </form>
  );
}
