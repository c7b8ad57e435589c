import { z } from "zod";

export const METADATA_MAX_BYTES = 64 * 1024;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

const metadataKey = z
  .string()
  .min(1, { error: "Metadata keys cannot be empty" })
  .max(200, { error: "Metadata keys are at most 200 characters" });

const withinSize = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length <= METADATA_MAX_BYTES;
const sizeError = { error: `Metadata is too large (maximum is ${METADATA_MAX_BYTES / 1024} KB as JSON)` };

/** A whole metadata object (replace semantics). */
export const metadataSchema = z
  .record(metadataKey, z.json(), { error: "Metadata must be a JSON object" })
  .refine(withinSize, sizeError) as z.ZodType<JsonObject, JsonObject>;

/**
 * A top-level merge patch: each key is set to its value, and a key whose value is `null` is
 * removed. Applied atomically in SQL.
 */
export const metadataPatchSchema = metadataSchema;

/** Splits a merge patch into the keys to set and the keys to remove. */
export function splitMetadataPatch(patch: JsonObject): { set: JsonObject; remove: string[] } {
  const set: JsonObject = {};
  const remove: string[] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) remove.push(key);
    else set[key] = value;
  }
  return { set, remove };
}
