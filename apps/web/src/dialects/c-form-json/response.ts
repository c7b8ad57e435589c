import type { DOOR_VIEW_FIELDS } from "@profilehub/api";
import type { NarrowedUserView } from "@profilehub/validators";

import { type FormJsonField, formJsonFields } from "./contract";

type Changes = Record<string, { from: unknown; to: unknown }>;

/** What the door renders from: its view fields (`DOOR_VIEW_FIELDS`). */
type FormJsonView = NarrowedUserView<(typeof DOOR_VIEW_FIELDS)["dialect-c"]>;

const CURRENT: Record<FormJsonField, (user: FormJsonView) => string | null> = {
  name: (user) => user.firstName,
  surname: (user) => user.lastName,
  email: (user) => user.email,
  description: (user) => user.bio,
};

/** `user`: the user's number as `sub`, and the email as stored (after the update). */
const envelope = (user: FormJsonView, changes: Record<string, unknown>) =>
  Response.json({ code: 200, status: "success", user: { sub: user.number, email: user.email }, changes });

/** `changes`: only dialect C's fields that really changed, with their new values, in the document's order. */
export function formJsonUpdated(result: { user: FormJsonView; changes: Changes }): Response {
  const changed: Record<string, unknown> = {};
  const byName = new Map(
    Object.entries(result.changes).map(([canonical, change]) => [formJsonFields.dialectPath(canonical), change.to]),
  );
  for (const name of formJsonFields.names) if (byName.has(name)) changed[name] = byName.get(name);
  return envelope(result.user, changed);
}

/** GET: the same envelope, `changes` holding every field with its current value. */
export function formJsonCurrent(user: FormJsonView): Response {
  const current = Object.fromEntries(formJsonFields.names.map((name) => [name, CURRENT[name](user)]));
  return envelope(user, current);
}
