import { createIssue, type Issue } from "@profilehub/validators";

import { asObject, notAnObject } from "../shared/fields";
import { formJsonFields } from "./contract";

/** A parsed request: the canonical changes, and what could not be read. */
export interface FormJsonRequest {
  changes: Record<string, unknown>;
  problems: Issue[];
}

type Collected = { ok: true; fields: Record<string, unknown> } | { ok: false; problem: Issue };

const unreadableJson = (): Issue => createIssue("json", "invalid_form_json");

/**
 * The fields of a request. Precedence: the fields inside `json` (a JSON string — or, in a JSON
 * body, an object) win; fields sent beside `json` (as in the document's first curl example) fill
 * in what it lacks; without `json`, the body's own fields are the update.
 */
function collectFields(body: unknown): Collected {
  if (body === undefined) return { ok: true, fields: {} };
  const object = asObject(body);
  if (!object) return { ok: false, problem: notAnObject() };
  const { json, ...beside } = object;
  if (json === undefined || json === null) return { ok: true, fields: beside };
  let inner: unknown = json;
  if (typeof json === "string") {
    try {
      inner = JSON.parse(json);
    } catch {
      return { ok: false, problem: unreadableJson() };
    }
  }
  const fields = asObject(inner);
  return fields ? { ok: true, fields: { ...beside, ...fields } } : { ok: false, problem: unreadableJson() };
}

/**
 * Maps the document's four fields to canonical names; an empty description clears it, like a
 * form field left empty. Every other key (the documented `id`, `role`, `password`, `created_at`,
 * `remember_token`, and anything unknown) is ignored: never written. The document's rules
 * (required fields, alphabetic names) are dialect C's door policy, enforced by the router.
 */
export function parseFormJson(body: unknown): FormJsonRequest {
  const collected = collectFields(body);
  if (!collected.ok) return { changes: {}, problems: [collected.problem] };
  const { description, ...fields } = collected.fields;
  const known = description === undefined ? fields : { ...fields, description: blankToNull(description) };
  // Keys the map does not know are ignored, like the documented ones: nothing to report.
  return { changes: formJsonFields.toCanonical(known).changes, problems: [] };
}

const blankToNull = (value: unknown) => (typeof value === "string" ? value.trim() || null : value);
