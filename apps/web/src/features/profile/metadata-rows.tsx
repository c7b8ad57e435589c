"use client";

import type { JsonObject } from "@profilehub/validators";
import { type ReactNode, useState } from "react";

import { Badge } from "@/components/ui/badge";
import { useI18n } from "@/i18n/provider";

import { EditableRow } from "../settings/editable-row";
import { useMe } from "../settings/me";
import { UserMetadataForm } from "./lazy-forms";

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
      form={UserMetadataForm}
    >
      <UserMetadataForm initial={userMetadata} onClose={() => setEditing(false)} />
    </EditableRow>
  );
}
