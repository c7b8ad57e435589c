import { isAlphabeticName, type Issue } from "@profilehub/validators";
import { asObject } from "../shared/fields";
import { formJsonFields, REQUIRED_FIELDS, type FormJsonField } from "./contract";
import { formJsonMessages } from "./messages";

/** A parsed request: the canonical changes, and the problems found by dialect C's own rules. */
export interface FormJsonRequest {
  changes: Record<string, unknown>;
  /** In dialect C's names and wording. */
  issues: Issue[];
}

type Collected = { ok: true; fields: Record<string, unknown> } | { ok: false; message: string };

/**
 * The fields of a request. Precedence: the fields inside `json` (a JSON string — or, in a JSON
 * body, an object) win; fields sent beside `json` (as in the document's first curl example) fill
 * in what it lacks; without `json`, the body's own fields are the update.
 */
function collectFields(body: unknown): Collected {
  if (body === undefined) return { ok: true, fields: {} };
  const object = asObject(body);
  if (!object) return { ok: false, message: formJsonMessages.body };
  const { json, ...beside } = object;
  if (json === undefined || json === null) return { ok: true, fields: beside };
  let inner: unknown = json;
  if (typeof json === "string") {
    try {
      inner = JSON.parse(json);
    } catch {
      return { ok: false, message: formJsonMessages.json };
    }
  }
  const fields = asObject(inner);
  return fields ? { ok: true, fields: { ...beside, ...fields } } : { ok: false, message: formJsonMessages.json };
}

const blank = (value: unknown) => value === undefined || value === null || (typeof value === "string" && !value.trim());

/** `name`, `surname`: required, letters only (trimmed first). */
function nameValue(field: FormJsonField, value: unknown, issues: Issue[]): unknown {
  if (blank(value)) issues.push({ path: field, message: formJsonMessages.required(field) });
  else if (typeof value !== "string") issues.push({ path: field, message: formJsonMessages.string(field) });
  else if (!isAlphabeticName(value.trim())) issues.push({ path: field, message: formJsonMessages.letters(field) });
  return typeof value === "string" ? value.trim() : value;
}

/**
 * Applies dialect C's documented rules — required fields, alphabetic names — and maps the four
 * fields to canonical names. Every other key (the documented `id`, `role`, `password`,
 * `created_at`, `remember_token`, and anything unknown) is ignored: never written.
 */
export function parseFormJson(body: unknown): FormJsonRequest | { problem: string } {
  const collected = collectFields(body);
  if (!collected.ok) return { problem: collected.message };
  const { fields } = collected;
  const issues: Issue[] = [];
  const known: Record<string, unknown> = {};
  for (const field of REQUIRED_FIELDS) {
    if (field === "email") {
      if (blank(fields.email)) issues.push({ path: "email", message: formJsonMessages.required("email") });
      else known.email = fields.email;
    } else {
      known[field] = nameValue(field, fields[field], issues);
    }
  }
  const description = fields.description;
  if (description !== undefined) {
    // An empty description clears it, like a form field left empty.
    known.description = typeof description === "string" ? description.trim() || null : description;
  }
  return { changes: formJsonFields.toCanonical(known).changes, issues };
}
