import type { Messages } from "@/i18n";
import type { Formatters } from "@/i18n/format";

/** Entries per page of /settings/activity. */
export const ACTIVITY_PAGE_SIZE = 20;

const REDACTED = "[redacted]";
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export type ChangeView = { kind: "secret" } | { kind: "values"; from: string | null; to: string | null };

function isPoint(value: unknown): value is { latitude: number; longitude: number } {
  const point = value as { latitude?: unknown; longitude?: unknown } | null;
  return typeof point?.latitude === "number" && typeof point.longitude === "number";
}

/** A field's old or new value as a short readable string (`null` = empty). */
function show(value: unknown, format: Formatters): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string") {
    if (value.startsWith("data:image/")) {
      const kilobytes = Math.round(((value.length - value.indexOf(",") - 1) * 3) / 4 / 1024);
      return `${value.slice(5, value.indexOf(";"))}, ${kilobytes} KB`;
    }
    if (TIMESTAMP.test(value)) return format.dateTime(value);
    if (DATE.test(value)) return format.date(value);
    return value.length > 120 ? `${value.slice(0, 117)}…` : value;
  }
  if (Array.isArray(value) && value.length === 0) return null;
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value.join(", ");
  if (isPoint(value)) return `${format.coordinate(value.latitude)}°, ${format.coordinate(value.longitude)}°`;
  if (typeof value === "object" && Object.keys(value).length === 0) return null;
  const json = JSON.stringify(value);
  return json.length > 120 ? `${json.slice(0, 117)}…` : json;
}

/** Fields whose values are words to translate (`twoFactor`: "on" / "off"). */
const WORD_FIELDS = new Set(["twoFactor"]);

/** Secrets are only ever "changed"; other fields show from → to (words in the page's language). */
export function describeChange(
  field: string,
  change: { from?: unknown; to?: unknown },
  t: Messages,
  format: Formatters,
): ChangeView {
  if (change.from === REDACTED || change.to === REDACTED) return { kind: "secret" };
  if (WORD_FIELDS.has(field)) {
    const word = (value: unknown) => (typeof value === "string" ? (t.activity.values[value] ?? value) : null);
    return { kind: "values", from: word(change.from), to: word(change.to) };
  }
  return { kind: "values", from: show(change.from, format), to: show(change.to, format) };
}

/** Security events (`security.*`) say where they came from: the device, or that it is unknown. */
export function isSecurityEvent(action: string): boolean {
  return action.startsWith("security.");
}

export function fieldLabel(t: Messages, field: string): string {
  return t.activity.fields[field] ?? field;
}

export function doorLabel(t: Messages, door: string): string {
  return t.activity.doors[door] ?? door;
}

export function actionLabel(t: Messages, action: string): string {
  return t.activity.actions[action] ?? action;
}
