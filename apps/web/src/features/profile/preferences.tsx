"use client";

import { type FormEvent, useRef, useState } from "react";

import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { useI18n } from "@/i18n/provider";

import { EditableRow, FormActions } from "../settings/editable-row";
import { useMe } from "../settings/me";
import type { ServerErrorsTarget } from "../settings/server-errors";
import { useUnsavedGuard } from "../settings/unsaved-changes";
import { useSaveMe } from "../settings/use-save-me";
import { formSchemas } from "./form-schemas-loader";
import { LocaleForm } from "./lazy-forms";

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
      form={LocaleForm}
    >
      <LocaleForm initial={user.locale} onClose={() => setEditing(false)} />
    </EditableRow>
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

/** The same keys in the same order (react-hook-form's "dirty": a value differs from the saved one). */
const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item, index) => item === b[index]);

/**
 * Always on screen, so kept light: its own state instead of react-hook-form (whose behaviour it
 * keeps: checked by the shared schema on submit and again on each change after one, Cancel back
 * to the last saved list, server problems on the list or the form), saved with `useSaveMe`.
 */
function NotificationsForm({ stored }: { stored: string[] }) {
  const { t, problem } = useI18n();
  const [saved, setSaved] = useState(stored);
  const [value, setValue] = useState(stored);
  const [errors, setErrors] = useState<{ notifications?: string; "root.server"?: string }>({});
  const latest = useRef(value);
  const submitted = useRef(false);
  const { save, pending } = useSaveMe<{ notifications: string[] }>({
    toUpdate: (values) => ({ notifications: values.notifications }),
    savedMessage: t.common.saved(t.profile.notifications.label),
  });
  const dirty = !sameList(value, saved);
  useUnsavedGuard(dirty);
  const check = (notifications: string[]) =>
    formSchemas().then((schemas) => schemas.checkNotifications({ notifications }, problem));
  const change = (next: string[]) => {
    latest.current = next;
    setValue(next);
    if (!submitted.current) return;
    void check(next).then((result) =>
      setErrors((previous) => ({
        ...previous,
        notifications: result.ok ? undefined : result.errors.notifications?.message,
      })),
    );
  };
  const reset = (to: string[]) => {
    submitted.current = false;
    latest.current = to;
    setSaved(to);
    setValue(to);
    setErrors({});
  };
  const target: ServerErrorsTarget = {
    getValues: () => ({ notifications: latest.current }),
    setError: (name, error) => setErrors((previous) => ({ ...previous, [name]: error.message })),
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    submitted.current = true;
    const result = await check(value);
    setErrors({ notifications: result.ok ? undefined : result.errors.notifications?.message });
    if (result.ok) await save(result.value, target, () => reset(latest.current));
  };
  const rootError = errors["root.server"];
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="grid gap-4">
      <fieldset
        className="grid gap-3"
        aria-labelledby="notifications-label"
        aria-describedby="notifications-description"
      >
        <p id="notifications-description" className="pt-1.5 text-[0.8125rem] text-muted-foreground">
          {t.profile.notifications.description}
        </p>
        {NOTIFICATION_KEYS.map((key) => {
          const id = `notification-${key}`;
          const copy = t.profile.notifications.keys[key];
          return (
            <div key={key} className="flex items-start gap-3">
              <Checkbox
                id={id}
                className="mt-0.5"
                checked={value.includes(key)}
                aria-describedby={`${id}-description`}
                onCheckedChange={(checked) =>
                  change(checked === true ? [...value, key] : value.filter((item) => item !== key))
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
        {others(stored).length > 0 ? (
          <p className="text-[0.8125rem] text-muted-foreground">
            {t.profile.notifications.others(others(stored).join(", "))}
          </p>
        ) : null}
        {errors.notifications ? (
          <p className="text-[0.8125rem] font-medium text-destructive">{errors.notifications}</p>
        ) : null}
      </fieldset>
      {dirty || pending || rootError ? (
        <FormActions
          pending={pending}
          onCancel={() => reset(saved)}
          error={rootError}
          canSave={dirty}
          testId="notifications"
        />
      ) : null}
    </form>
  );
}

/** Keys set by other apps (shown, and kept as they are). */
const others = (stored: string[]) => stored.filter((key) => !(NOTIFICATION_KEYS as readonly string[]).includes(key));
