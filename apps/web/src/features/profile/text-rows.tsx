"use client";

import { BIO_MAX_LENGTH } from "@profilehub/validators";
import { type KeyboardEvent, useState } from "react";

import { Field, fieldInputProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useI18n } from "@/i18n/provider";

import { EditableRow, FormActions, NotSet } from "../settings/editable-row";
import { useMe } from "../settings/me";
import { useUpdateForm } from "../settings/use-update-form";
import { formSchemas } from "./form-schemas-loader";

/** Escape cancels an inline form. */
/**
 * Escape cancels an inline editor. With unsaved edits (`discard`: the question to ask), it asks
 * first, so a long bio or metadata edit is never thrown away by one key.
 */
export function cancelOnEscape(onCancel: () => void, discard: string | false = false) {
  return (event: KeyboardEvent) => {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    event.preventDefault();
    if (discard && !window.confirm(discard)) return;
    onCancel();
  };
}

export function DisplayNameRow() {
  const user = useMe();
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const close = () => setEditing(false);
  return (
    <EditableRow
      id="displayName"
      label={t.profile.displayName.label}
      value={user.displayName ?? <NotSet />}
      editing={editing}
      onEdit={() => setEditing(true)}
    >
      <DisplayNameForm initial={user.displayName} onClose={close} />
    </EditableRow>
  );
}

function DisplayNameForm({ initial, onClose }: { initial: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const { form, submit, pending, rootError, errorOf } = useUpdateForm({
    schema: () => formSchemas().then((schemas) => schemas.displayNameForm),
    defaultValues: { displayName: initial ?? "" },
    toUpdate: (values) => ({ displayName: values.displayName }),
    savedMessage: t.common.saved(t.profile.displayName.label),
    onSaved: onClose,
  });
  const error = errorOf("displayName");
  return (
    <form
      onSubmit={submit}
      onKeyDown={cancelOnEscape(onClose, form.formState.isDirty && t.common.discardChanges)}
      noValidate
      className="grid gap-4"
    >
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
      <FormActions pending={pending} onCancel={onClose} error={rootError} canSave={form.formState.isDirty} />
    </form>
  );
}

export function FullNameRow() {
  const user = useMe();
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const full = [user.firstName, user.lastName].filter(Boolean).join(" ");
  return (
    <EditableRow
      id="fullName"
      label={t.profile.fullName.label}
      value={full || <NotSet />}
      editing={editing}
      onEdit={() => setEditing(true)}
    >
      <FullNameForm first={user.firstName} last={user.lastName} onClose={() => setEditing(false)} />
    </EditableRow>
  );
}

function FullNameForm({ first, last, onClose }: { first: string | null; last: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const { form, submit, pending, rootError, errorOf } = useUpdateForm({
    schema: () => formSchemas().then((schemas) => schemas.fullNameForm),
    defaultValues: { firstName: first ?? "", lastName: last ?? "" },
    toUpdate: (values) => ({ firstName: values.firstName, lastName: values.lastName }),
    savedMessage: t.common.saved(t.profile.fullName.label),
    onSaved: onClose,
  });
  return (
    <form
      onSubmit={submit}
      onKeyDown={cancelOnEscape(onClose, form.formState.isDirty && t.common.discardChanges)}
      noValidate
      className="grid gap-4"
    >
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
      <FormActions pending={pending} onCancel={onClose} error={rootError} canSave={form.formState.isDirty} />
    </form>
  );
}

export function BioRow() {
  const user = useMe();
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  return (
    <EditableRow
      id="bio"
      label={t.profile.bio.label}
      value={user.bio ? <span className="whitespace-pre-line">{user.bio}</span> : <NotSet />}
      editing={editing}
      onEdit={() => setEditing(true)}
    >
      <BioForm initial={user.bio} onClose={() => setEditing(false)} />
    </EditableRow>
  );
}

function BioForm({ initial, onClose }: { initial: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const { form, submit, pending, rootError, errorOf } = useUpdateForm({
    schema: () => formSchemas().then((schemas) => schemas.bioForm),
    defaultValues: { bio: initial ?? "" },
    toUpdate: (values) => ({ bio: values.bio }),
    savedMessage: t.common.saved(t.profile.bio.label),
    onSaved: onClose,
  });
  const length = form.watch("bio").length;
  const error = errorOf("bio");
  return (
    <form
      onSubmit={submit}
      onKeyDown={cancelOnEscape(onClose, form.formState.isDirty && t.common.discardChanges)}
      noValidate
      className="grid gap-4"
    >
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
      <FormActions pending={pending} onCancel={onClose} error={rootError} canSave={form.formState.isDirty} />
    </form>
  );
}

export function BirthdateRow() {
  const user = useMe();
  const { t, format } = useI18n();
  const [editing, setEditing] = useState(false);
  return (
    <EditableRow
      id="birthdate"
      label={t.profile.birthdate.label}
      value={user.birthdate ? format.date(user.birthdate) : <NotSet />}
      editing={editing}
      onEdit={() => setEditing(true)}
    >
      <BirthdateForm initial={user.birthdate} onClose={() => setEditing(false)} />
    </EditableRow>
  );
}

function BirthdateForm({ initial, onClose }: { initial: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const { form, submit, pending, rootError, errorOf } = useUpdateForm({
    schema: () => formSchemas().then((schemas) => schemas.birthdateForm),
    defaultValues: { birthdate: initial ?? "" },
    toUpdate: (values) => ({ birthdate: values.birthdate }),
    savedMessage: t.common.saved(t.profile.birthdate.label),
    onSaved: onClose,
  });
  const error = errorOf("birthdate");
  return (
    <form
      onSubmit={submit}
      onKeyDown={cancelOnEscape(onClose, form.formState.isDirty && t.common.discardChanges)}
      noValidate
      className="grid gap-4"
    >
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
      <FormActions pending={pending} onCancel={onClose} error={rootError} canSave={form.formState.isDirty} />
    </form>
  );
}
