"use client";

import { useState } from "react";

import { useI18n } from "@/i18n/provider";

import { EditableRow, NotSet } from "../settings/editable-row";
import { useMe } from "../settings/me";
import { UsernameForm } from "./lazy-forms";

export function UsernameRow() {
  const user = useMe();
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  return (
    <EditableRow
      id="username"
      label={t.profile.username.label}
      value={user.username ? `@${user.username}` : <NotSet />}
      editing={editing}
      onEdit={() => setEditing(true)}
      form={UsernameForm}
    >
      <UsernameForm current={user.username} onClose={() => setEditing(false)} />
    </EditableRow>
  );
}
