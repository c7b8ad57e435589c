"use client";

import { BIO_MAX_LENGTH } from "@profilehub/validators";

import { Field, fieldInputProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useI18n } from "@/i18n/provider";

import { InlineEditForm } from "../settings/inline-edit-form";
import { useUpdateForm } from "../settings/use-update-form";
import { formSchemas } from "./form-schemas-loader";

/* The text rows' edit forms (./text-rows), loaded on demand through ./lazy-forms. */

export function DisplayNameForm({ initial, onClose }: { initial: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const editor = useUpdateForm({
    schema: () => formSchemas().then((schemas) => schemas.displayNameForm),
    defaultValues: { displayName: initial ?? "" },
    toUpdate: (values) => ({ displayName: values.displayName }),
    savedMessage: t.common.saved(t.profile.displayName.label),
    onSaved: onClose,
  });
  const { form, errorOf } = editor;
  const error = errorOf("displayName");
  return (
    <InlineEditForm editor={editor} onClose={onClose}>
      <Field
        id="displayName"
        label={t.profile.displayName.label}
        hideLabel
        description={t.profile.displayName.description}
        error={error}
      >
        <Input
          {...fieldInputProps("displayName", error, true)}
          autoFocus
          autoComplete="nickname"
          {...form.register("displayName")}
        />
      </Field>
    </InlineEditForm>
  );
}

export function FullNameForm({
  first,
  last,
  onClose,
}: {
  first: string | null;
  last: string | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const editor = useUpdateForm({
    schema: () => formSchemas().then((schemas) => schemas.fullNameForm),
    defaultValues: { firstName: first ?? "", lastName: last ?? "" },
    toUpdate: (values) => ({ firstName: values.firstName, lastName: values.lastName }),
    savedMessage: t.common.saved(t.profile.fullName.label),
    onSaved: onClose,
  });
  const { form, errorOf } = editor;
  return (
    <InlineEditForm editor={editor} onClose={onClose}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="firstName" label={t.profile.fullName.first} error={errorOf("firstName")}>
          <Input
            {...fieldInputProps("firstName", errorOf("firstName"))}
            autoFocus
            autoComplete="given-name"
            {...form.register("firstName")}
          />
        </Field>
        <Field id="lastName" label={t.profile.fullName.last} error={errorOf("lastName")}>
          <Input
            {...fieldInputProps("lastName", errorOf("lastName"))}
            autoComplete="family-name"
            {...form.register("lastName")}
          />
        </Field>
      </div>
    </InlineEditForm>
  );
}

export function BioForm({ initial, onClose }: { initial: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const editor = useUpdateForm({
    schema: () => formSchemas().then((schemas) => schemas.bioForm),
    defaultValues: { bio: initial ?? "" },
    toUpdate: (values) => ({ bio: values.bio }),
    savedMessage: t.common.saved(t.profile.bio.label),
    onSaved: onClose,
  });
  const { form, errorOf } = editor;
  const length = form.watch("bio").length;
  const error = errorOf("bio");
  return (
    <InlineEditForm editor={editor} onClose={onClose}>
      <Field
        id="bio"
        label={t.profile.bio.label}
        hideLabel
        description={
          <span className="flex justify-between gap-4">
            <span>{t.profile.bio.description}</span>
            <span className={length > BIO_MAX_LENGTH ? "text-destructive" : undefined}>
              {t.profile.bio.counter(length, BIO_MAX_LENGTH)}
            </span>
          </span>
        }
        error={error}
      >
        <Textarea {...fieldInputProps("bio", error, true)} autoFocus rows={4} {...form.register("bio")} />
      </Field>
    </InlineEditForm>
  );
}

export function BirthdateForm({ initial, onClose }: { initial: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const editor = useUpdateForm({
    schema: () => formSchemas().then((schemas) => schemas.birthdateForm),
    defaultValues: { birthdate: initial ?? "" },
    toUpdate: (values) => ({ birthdate: values.birthdate }),
    savedMessage: t.common.saved(t.profile.birthdate.label),
    onSaved: onClose,
  });
  const { form, errorOf } = editor;
  const error = errorOf("birthdate");
  return (
    <InlineEditForm editor={editor} onClose={onClose}>
      <Field id="birthdate" label={t.profile.birthdate.label} hideLabel error={error}>
        <Input
          {...fieldInputProps("birthdate", error)}
          type="date"
          min="1900-01-01"
          max={new Date().toISOString().slice(0, 10)}
          autoFocus
          autoComplete="bday"
          className="max-w-56"
          {...form.register("birthdate")}
        />
      </Field>
    </InlineEditForm>
  );
}
