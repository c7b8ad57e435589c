"use client";

import type { JsonObject } from "@profilehub/validators";

import { Button } from "@/components/ui/button";
import { Field, fieldInputProps } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { useI18n } from "@/i18n/provider";

import { InlineEditForm } from "../settings/inline-edit-form";
import { useUpdateForm } from "../settings/use-update-form";
import { formSchemas } from "./form-schemas-loader";

/* The user metadata row's edit form (./metadata-rows), loaded on demand through ./lazy-forms. */

export function UserMetadataForm({ initial, onClose }: { initial: JsonObject; onClose: () => void }) {
  const { t } = useI18n();
  const editor = useUpdateForm({
    schema: () => formSchemas().then((schemas) => schemas.metadataForm(t)),
    defaultValues: { userMetadata: JSON.stringify(initial, null, 2) },
    toUpdate: (values) => ({ userMetadata: values.userMetadata }),
    savedMessage: t.common.saved(t.profile.userMetadata.label),
    onSaved: onClose,
    mode: "onChange",
  });
  const { form, errorOf } = editor;
  const error = errorOf("userMetadata");
  const formatJson = () => {
    try {
      const parsed = JSON.parse(form.getValues("userMetadata")) as unknown;
      form.setValue("userMetadata", JSON.stringify(parsed, null, 2), { shouldDirty: true });
      form.clearErrors("userMetadata");
    } catch {
      void form.trigger("userMetadata");
    }
  };
  return (
    <InlineEditForm
      editor={editor}
      onClose={onClose}
      aside={
        <Button variant="ghost" size="sm" onClick={formatJson}>
          {t.profile.userMetadata.format}
        </Button>
      }
    >
      <Field
        id="userMetadata"
        label={t.profile.userMetadata.label}
        hideLabel
        description={t.profile.userMetadata.description}
        error={error}
      >
        <Textarea
          {...fieldInputProps("userMetadata", error, true)}
          autoFocus
          spellCheck={false}
          rows={8}
          className="font-mono text-xs leading-5"
          {...form.register("userMetadata")}
        />
      </Field>
    </InlineEditForm>
  );
}
