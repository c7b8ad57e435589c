import type { UserView } from "@profilehub/client";

export type Row = [label: string, value: string];

export const NOT_SET = "(not set)";

/** `Label:  value` lines aligned on the longest label; later lines of a value are indented. */
export function aligned(rows: Row[], indent = ""): string {
  const width = Math.max(0, ...rows.map(([label]) => label.length)) + 2;
  return rows
    .map(([label, value]) => {
      const lines = value.split("\n");
      const continuation = `\n${indent}${" ".repeat(width)}`;
      return `${indent}${`${label}:`.padEnd(width)}${lines.join(continuation)}`;
    })
    .join("\n");
}

/** Exhaustive: a locale added to the router fails the type check here until it is named. */
const LANGUAGES: Record<UserView["locale"], string> = { en: "English", fr: "French" };

const text = (value: string | null) => (value === null || value === "" ? NOT_SET : value);
const list = (values: string[]) => (values.length > 0 ? values.join(", ") : "(none)");
/** Compact JSON with sorted keys, so the same object always reads the same. */
const json = (value: unknown) =>
  JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );

export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

function avatar(url: string | null): string {
  if (!url) return NOT_SET;
  const data = /^data:([^;,]+)[^,]*,(.*)$/s.exec(url);
  if (!data) return url;
  const bytes = Math.floor((data[2]!.length * 3) / 4);
  return `${data[1]} image, ${(bytes / 1024).toFixed(1)} KB (data URL)`;
}

interface Field {
  label: string;
  /** `null`: the row is left out (nothing worth a line). */
  show(user: UserView): string | null;
  /** Timestamps that move on every call: not part of a diff. */
  volatile?: boolean;
}

const FIELDS: Field[] = [
  { label: "Email", show: (u) => `${u.email} (${u.emailVerified ? "verified" : "not verified"})` },
  { label: "Pending email", show: (u) => (u.pendingEmail ? `${u.pendingEmail} (waiting for its link)` : null) },
  { label: "Display name", show: (u) => text(u.displayName) },
  { label: "First name", show: (u) => text(u.firstName) },
  { label: "Last name", show: (u) => text(u.lastName) },
  { label: "Username", show: (u) => text(u.username) },
  { label: "Bio", show: (u) => text(u.bio) },
  { label: "Birthdate", show: (u) => text(u.birthdate) },
  { label: "Locale", show: (u) => `${u.locale} (${LANGUAGES[u.locale]})` },
  {
    label: "Location",
    show: (u) => (u.location ? `longitude ${u.location.longitude}, latitude ${u.location.latitude}` : NOT_SET),
  },
  { label: "Avatar", show: (u) => avatar(u.avatarUrl) },
  { label: "Feature flags", show: (u) => list(u.featureFlags) },
  { label: "Notifications", show: (u) => list(u.notifications) },
  { label: "Team", show: (u) => (u.selectedTeam ? `${u.selectedTeam.displayName} (${u.selectedTeam.id})` : null) },
  { label: "User metadata", show: (u) => json(u.userMetadata) },
  { label: "App metadata", show: (u) => json(u.appMetadata) },
  { label: "Password", show: (u) => (u.hasPassword ? "set" : "not set") },
  { label: "Two-factor", show: (u) => (u.totpEnabled ? "on" : "off") },
  { label: "Push token", show: (u) => u.expoPushToken },
  { label: "Roles", show: (u) => list(u.roles) },
  { label: "Status", show: (u) => u.status },
  {
    label: "Suspensions",
    show: (u) =>
      u.suspensions.length === 0
        ? null
        : u.suspensions
            .map((s) => `${s.reason} (until ${s.endsAt ? formatTime(s.endsAt) : "further notice"})`)
            .join("\n"),
  },
  { label: "User id", show: (u) => u.id },
  { label: "Number", show: (u) => String(u.number) },
  { label: "Project", show: (u) => u.projectId },
  { label: "Created", show: (u) => formatTime(u.createdAt) },
  { label: "Updated", show: (u) => formatTime(u.updatedAt), volatile: true },
  { label: "Last active", show: (u) => formatTime(u.lastActiveAt), volatile: true },
];

/** The profile as `me` prints it. */
export function profileRows(user: UserView): Row[] {
  return FIELDS.flatMap((field): Row[] => {
    const value = field.show(user);
    return value === null ? [] : [[field.label, value]];
  });
}

/** One row per field that differs: `Label:  before → after`. */
export function diffRows(before: UserView, after: UserView): Row[] {
  const oneLine = (value: string | null) => {
    const shown = value ?? NOT_SET;
    return shown.includes("\n") ? JSON.stringify(shown) : shown;
  };
  return FIELDS.filter((field) => !field.volatile).flatMap((field): Row[] => {
    const from = field.show(before);
    const to = field.show(after);
    return from === to ? [] : [[field.label, `${oneLine(from)} → ${oneLine(to)}`]];
  });
}

/** `{key: {from, to}}` for every property of the user that changed (for `--json`). */
export function changedKeys(before: UserView, after: UserView): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof UserView)[]) {
    if (key === "updatedAt" || key === "lastActiveAt") continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      changes[key] = { from: before[key], to: after[key] };
  }
  return changes;
}
