"use client";

import type { JsonObject } from "@profilehub/validators";
import { type ReactNode, useState } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, fieldInputProps } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { useI18n } from "@/i18n/provider";

import { EditableRow, FormActions } from "../settings/editable-row";
import { useMe } from "../settings/me";
import { useUpdateForm } from "../settings/use-update-form";
import { formSchemas } from "./form-schemas-loader";
import { cancelOnEscape } from "./text-rows";

function JsonBlock({ value, testId }: { value: JsonObject; testId?: string }) {
  const { t } = useI18n();
  if (Object.keys(value).length === 0) {
    return <span className="text-muted-foreground italic">{t.profile.userMetadata.empty}</span>;
  }
  return (
    <pre
      data-testid={testId}
      className="max-h-64 overflow-auto rounded-md border bg-muted/50 px-3 py-2 font-mono text-xs leading-5"
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

export function FeatureFlagsRow() {
  const { featureFlags } = useMe();
  const { t } = useI18n();
  return (
    <ReadOnlyRow
      id="featureFlags"
      label={t.profile.featureFlags.label}
      description={t.profile.featureFlags.description}
    >
      {featureFlags.length === 0 ? (
        <span className="text-muted-foreground">{t.profile.featureFlags.none}</span>
      ) : (
        <ul className="flex flex-wrap gap-1.5">
          {featureFlags.map((flag) => (
            <li key={flag}>
              <Badge variant="outline" className="font-mono">
                {flag}
              </Badge>
            </li>
          ))}
        </ul>
      )}
    </ReadOnlyRow>
  );
}

export function AppMetadataRow() {
  const { appMetadata } = useMe();
  const { t } = useI18n();
  return (
    <ReadOnlyRow id="appMetadata" label={t.profile.appMetadata.label} description={t.profile.appMetadata.description}>
      <JsonBlock value={appMetadata} testId="app-metadata" />
    </ReadOnlyRow>
  );
}

function ReadOnlyRow({
  id,
  label,
  description,
  children,
}: {
  id: string;
  label: string;
  description: string;
  children: ReactNode;
}) {
  return (
    <div data-testid={`row-${id}`} className="grid gap-x-6 gap-y-2 py-4 first:pt-0 last:pb-0 sm:grid-cols-[11rem_1fr]">
      <div className="pt-1.5 text-sm font-medium">{label}</div>
      <div className="grid min-w-0 gap-2 pt-1.5 text-sm">
        <p className="text-[0.8125rem] text-muted-foreground">{description}</p>
        {children}
      </div>
    </div>
  );
}

export function UserMetadataRow() {
  const { userMetadata } = useMe();
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  return (
    <EditableRow
      id="userMetadata"
      label={t.profile.userMetadata.label}
      value={
        <div className="grid gap-2">
          <p className="text-[0.8125rem] text-muted-foreground">{t.profile.userMetadata.description}</p>
          <JsonBlock value={userMetadata} testId="user-metadata" />
        </div>
      }
      editing={editing}
      onEdit={() => setEditing(true)}
    >
      <UserMetadataForm initial={userMetadata} onClose={() => setEditing(false)} />
    </EditableRow>
  );
}

function UserMetadataForm({ initial, onClose }: { initial: JsonObject; onClose: () => void }) {
  const { t } = useI18n();
  const { form, submit, pending, rootError, errorOf } = useUpdateForm({
    schema: () => formSchemas().then((schemas) => schemas.metadataForm(t)),
    defaultValues: { userMetadata: JSON.stringify(initial, null, 2) },
    toUpdate: (values) => ({ userMetadata: values.userMetadata }),
    savedMessage: t.common.saved(t.profile.userMetadata.label),
    onSaved: onClose,
    mode: "onChange",
  });
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
    <form
      onSubmit={submit}
      onKeyDown={cancelOnEscape(onClose, form.formState.isDirty && t.common.discardChanges)}
      noValidate
      className="grid gap-4"
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
      <div className="flex flex-wrap items-start justify-between gap-3">
        <Button variant="ghost" size="sm" onClick={formatJson}>
          {t.profile.userMetadata.format}
        </Button>
        <FormActions pending={pending} onCancel={onClose} error={rootError} canSave={form.formState.isDirty} />
      </div>
    </form>
  );
}
