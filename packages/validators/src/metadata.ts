import { z } from "zod";

import { fails } from "./problems/zod-codes";
import { isStorableText, jsonDepth, unstorableInputIssues } from "./storable";

/** Each metadata column: at most 16 KB as JSON (UTF-8) and 32 levels deep (DESIGN §5). */
export const METADATA_MAX_BYTES = 16 * 1024;
export const METADATA_MAX_DEPTH = 32;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

const METADATA_KEY_MAX_LENGTH = 200;
const metadataKey = z
  .string()
  .min(1, fails("metadata_key_empty"))
  .max(METADATA_KEY_MAX_LENGTH, fails("metadata_key_too_long"))
  .refine(isStorableText, fails("invalid_characters"));

const withinSize = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length <= METADATA_MAX_BYTES;

/**
 * A whole metadata object (replace semantics). Depth is checked first, without recursion, so a
 * value nested thousands of levels deep is a `metadata_too_deep` problem, never a stack overflow;
 * then the size, then every key and string (no NUL, no lone surrogate).
 */
export const metadataSchema = z
  .unknown()
  .refine((value) => jsonDepth(value, METADATA_MAX_DEPTH) <= METADATA_MAX_DEPTH, {
    ...fails("metadata_too_deep", { maximum: METADATA_MAX_DEPTH }),
    abort: true,
  })
  .pipe(
    z
      .record(metadataKey, z.json(), fails("invalid_type"))
      .refine((value) => unstorableInputIssues(value).length === 0, fails("invalid_characters"))
      .refine(withinSize, fails("metadata_too_large", { maximumKb: METADATA_MAX_BYTES / 1024 })),
  )
  // In the OpenAPI document: an object of any JSON values (the depth check above starts from unknown).
  .meta({ override: { type: "object", additionalProperties: {} } }) as unknown as z.ZodType<JsonObject, JsonObject>;

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
