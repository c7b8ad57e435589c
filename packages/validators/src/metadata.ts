import { z } from "zod";
import { fails } from "./problems/zod-codes";

export const METADATA_MAX_BYTES = 64 * 1024;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

const METADATA_KEY_MAX_LENGTH = 200;
const metadataKey = z
  .string()
  .min(1, fails("metadata_key_empty"))
  .max(METADATA_KEY_MAX_LENGTH, fails("metadata_key_too_long"));

const withinSize = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length <= METADATA_MAX_BYTES;

/** A whole metadata object (replace semantics). */
export const metadataSchema = z
  .record(metadataKey, z.json(), fails("invalid_type"))
  .refine(withinSize, fails("metadata_too_large", { maximumKb: METADATA_MAX_BYTES / 1024 })) as z.ZodType<
  JsonObject,
  JsonObject
>;

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
