"use client";

import { LOCALES } from "@profilehub/validators";
import { useEffect } from "react";

import { Field, fieldInputProps } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/native-select";
import { loadMessages } from "@/i18n/messages";
import { useI18n } from "@/i18n/provider";

import { InlineEditForm } from "../settings/inline-edit-form";
import { useUpdateForm } from "../settings/use-update-form";
import { formSchemas } from "./form-schemas-loader";

/* The language row's edit form (./preferences), loaded on demand through ./lazy-forms. */

export function LocaleForm({ initial, onClose }: { initial: (typeof LOCALES)[number]; onClose: () => void }) {
  const { t } = useI18n();
  const editor = useUpdateForm({
    schema: () => formSchemas().then((schemas) => schemas.localeForm),
    defaultValues: { locale: initial },
    toUpdate: (values) => ({ locale: values.locale }),
    // The UI switches with the optimistic update: its dictionary must be here by then.
    beforeSave: (values) => loadMessages(values.locale),
    savedMessage: t.common.saved(t.profile.locale.label),
    onSaved: onClose,
  });
  const { form, errorOf } = editor;
  const error = errorOf("locale");
  useEffect(() => {
    // Each page ships only its language's dictionary: fetch the others now, so that saving a
    // language switches the UI (and says "saved") in the new one at once.
    for (const locale of LOCALES) loadMessages(locale).catch(() => undefined);
  }, []);
  return (
    <InlineEditForm editor={editor} onClose={onClose}>
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
    </InlineEditForm>
  );
}
