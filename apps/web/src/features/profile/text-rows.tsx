"use client";

import { useState } from "react";

import { useI18n } from "@/i18n/provider";

import { EditableRow, NotSet } from "../settings/editable-row";
import { useMe } from "../settings/me";
import { BioForm, BirthdateForm, DisplayNameForm, FullNameForm } from "./lazy-forms";

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
      form={DisplayNameForm}
    >
      <DisplayNameForm initial={user.displayName} onClose={close} />
    </EditableRow>
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
      form={FullNameForm}
    >
      <FullNameForm first={user.firstName} last={user.lastName} onClose={() => setEditing(false)} />
    </EditableRow>
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
      form={BioForm}
    >
      <BioForm initial={user.bio} onClose={() => setEditing(false)} />
    </EditableRow>
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
      form={BirthdateForm}
    >
      <BirthdateForm initial={user.birthdate} onClose={() => setEditing(false)} />
    </EditableRow>
  );
}
