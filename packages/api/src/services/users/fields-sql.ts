import type { Prisma } from "@profilehub/db";
import {
  type FieldSpec,
  type JsonObject,
  splitMetadataPatch,
  type Storage,
  USER_FIELDS,
  userFieldEntries,
  type UserFieldName,
  type UserViewField,
  type UserViewFields,
} from "@profilehub/validators";

import { raw, sql } from "../database/sql-template";

/**
 * The SQL of each canonical field, derived from the field registry (packages/validators
 * fields/registry.ts): how a value is assigned, how a field reads in the audit diff, and how the
 * user row becomes the one JSON value the view is built from.
 */

const quoted = (column: string) => raw(`"${column}"`);

/** `"column" = value::type` for each column of a field (`u` is the row being updated). */
export function assignValue(field: UserFieldName, value: unknown): Prisma.Sql {
  const storage: Storage = USER_FIELDS[field].storage;
  if (storage.kind === "point") {
    const point = value as { longitude: number; latitude: number } | null;
    return sql`${quoted(storage.columns.longitude)} = ${point?.longitude ?? null}::float8,
      ${quoted(storage.columns.latitude)} = ${point?.latitude ?? null}::float8`;
  }
  const stored = storage.type === "jsonb" && value !== null ? JSON.stringify(value) : value;
  return sql`${quoted(storage.column)} = ${stored}::${raw(storage.type)}`;
}

/** An atomic top-level JSON merge, computed from the row as it is when the update runs. */
export function mergeValue(field: UserFieldName, patch: JsonObject): Prisma.Sql {
  const storage: Storage = USER_FIELDS[field].storage;
  if (storage.kind === "point" || storage.type !== "jsonb") throw new Error(`${field} cannot be merged`);
  const { set, remove } = splitMetadataPatch(patch);
  const column = quoted(storage.column);
  return sql`${column} = (u.${column} - ${remove}::text[]) || ${JSON.stringify(set)}::jsonb`;
}

/** The field's value under `alias` as JSON (what the audit diff compares and records). */
function jsonExpression(spec: FieldSpec, alias: string): string {
  const storage = spec.storage;
  if (storage.kind === "point") {
    const { longitude, latitude } = storage.columns;
    return `CASE WHEN ${alias}."${longitude}" IS NULL THEN 'null'::jsonb ELSE jsonb_build_object('longitude', ${alias}."${longitude}", 'latitude', ${alias}."${latitude}") END`;
  }
  return `to_jsonb(${alias}."${storage.column}")`;
}

const REDACTED = `'"[redacted]"'::jsonb`;
const shown = (spec: FieldSpec, expression: string) =>
  spec.secret
    ? `CASE WHEN ${expression} IS NULL OR ${expression} = 'null'::jsonb THEN 'null'::jsonb ELSE ${REDACTED} END`
    : expression;

/**
 * Whether the field differs between the rows under `before` and `after`, by the same
 * test as their JSON values (`to_jsonb(old) IS DISTINCT FROM to_jsonb(new)`). For a column the
 * column's own equality gives the same answer without building either JSON value: every stored type
 * (text with the default, deterministic collation, uuid, boolean, int, date, timestamptz, jsonb,
 * text[]) is equal exactly when its JSON is. A point compares its JSON (a missing longitude is
 * `null` whatever the latitude).
 */
function differs(spec: FieldSpec, before: string, after: string): string {
  if (spec.storage.kind === "point")
    return `${jsonExpression(spec, before)} IS DISTINCT FROM ${jsonExpression(spec, after)}`;
  const column = `"${spec.storage.column}"`;
  return `${before}.${column} IS DISTINCT FROM ${after}.${column}`;
}

/**
 * A SQL expression yielding `{field: {from, to}}` for the fields that differ between the rows
 * under `before` (old) and `after` (new); `{}` when nothing changed. Secret fields are compared for real
 * but recorded as "[redacted]". One `CASE` per planned field, concatenated (`jsonb` orders the
 * keys itself, so the value is the one an aggregate over the changed fields would build).
 */
export function auditDiffExpression(fields: Iterable<UserFieldName>, before: string, after: string): string {
  const entries = [...fields]
    .filter((name) => USER_FIELDS[name].audited)
    .map((name) => {
      const spec: FieldSpec = USER_FIELDS[name];
      const from = shown(spec, jsonExpression(spec, before));
      const to = shown(spec, jsonExpression(spec, after));
      return `CASE WHEN ${differs(spec, before, after)} THEN jsonb_build_object('${name}', jsonb_build_object('from', coalesce(${from}, 'null'::jsonb), 'to', coalesce(${to}, 'null'::jsonb))) ELSE '{}'::jsonb END`;
    });
  if (entries.length === 0) return `'{}'::jsonb`;
  return entries.length === 1 ? (entries[0] as string) : `(${entries.join("\n      || ")})`;
}

/** `'key', value` pairs of the user row under `alias`: what the view is built from (`only` those fields, if given). */
export function viewPairs(alias: string, serverAccess: boolean, only: UserViewFields | null = null): string[] {
  return userFieldEntries().flatMap(([name, spec]) => {
    const visible = spec.visibility === "user" || (spec.visibility === "server" && serverAccess);
    const pairs: string[] = [];
    if (visible && (!only || only.has(name as UserViewField))) {
      const value =
        spec.storage.kind === "point"
          ? `CASE WHEN ${alias}."${spec.storage.columns.longitude}" IS NULL THEN NULL ELSE json_build_object('longitude', ${alias}."${spec.storage.columns.longitude}", 'latitude', ${alias}."${spec.storage.columns.latitude}") END`
          : `${alias}."${spec.storage.column}"`;
      pairs.push(`'${name}', ${value}`);
    }
    if (spec.presence && (!only || only.has(spec.presence as UserViewField)))
      pairs.push(`'${spec.presence}', ${alias}."${columnOf(spec.storage)}" IS NOT NULL`);
    return pairs;
  });
}

function columnOf(storage: Storage): string {
  return storage.kind === "point" ? storage.columns.longitude : storage.column;
}
