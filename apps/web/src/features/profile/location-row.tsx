"use client";

import { useState } from "react";

import { useI18n } from "@/i18n/provider";

import { EditableRow, NotSet } from "../settings/editable-row";
import { useMe } from "../settings/me";
import { LocationForm } from "./lazy-forms";

export function LocationRow() {
  const user = useMe();
  const { t, format } = useI18n();
  const [editing, setEditing] = useState(false);
  const value = user.location ? (
    <span className="tabular-nums">
      {format.coordinate(user.location.latitude)}°, {format.coordinate(user.location.longitude)}°{" "}
      <span className="text-muted-foreground">
        ({t.profile.location.latitude.toLowerCase()}, {t.profile.location.longitude.toLowerCase()})
      </span>
    </span>
  ) : (
    <NotSet />
  );
  return (
    <EditableRow
      id="location"
      label={t.profile.location.label}
      value={value}
      editing={editing}
      onEdit={() => setEditing(true)}
      form={LocationForm}
    >
      <LocationForm initial={user.location} onClose={() => setEditing(false)} />
    </EditableRow>
  );
}
