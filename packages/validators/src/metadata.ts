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

/** `JSON.stringify` of any JSON number is at most this long (`-0.0000011234567890123456`, `-1.7976931348623157e+308`). */
const NUMBER_MAX_JSON_LENGTH = 25;

/** zod's `isPlainObject` (util.js), the test `z.record` applies: the objects metadata may hold. */
function isPlainObject(value: object): boolean {
  const ctor = (value as { constructor?: unknown }).constructor;
  if (ctor === undefined || typeof ctor !== "function") return true;
  const prototype: unknown = ctor.prototype;
  if (typeof prototype !== "object" || prototype === null || Array.isArray(prototype)) return false;
  return Object.prototype.hasOwnProperty.call(prototype, "isPrototypeOf");
}

/** Own enumerable string keys of a plain object, or `undefined` if it has a symbol key or `__proto__` (zod decides those). */
function plainKeys(value: object): string[] | undefined {
  if (!isPlainObject(value) || Object.getOwnPropertySymbols(value).length > 0) return undefined;
  const keys = Object.keys(value);
  return keys.includes("__proto__") ? undefined : keys;
}

/** UTF-8 bytes of a string, as `TextEncoder` counts them (a lone surrogate is U+FFFD: 3 bytes). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * What `metadataSchema` returns for a value it certainly accepts, found in one iterative walk
 * (depth, keys, storable text, JSON values, size) without zod; `undefined` when the value has any
 * problem or anything unusual (a symbol or `__proto__` key, a sparse array, a non-JSON value), and
 * only the schema can say what — callers then run it. Like the schema, it returns a copy: plain
 * objects and arrays rebuilt, keys in the same order.
 */
export function acceptedMetadata(value: unknown): JsonObject | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const rootKeys = plainKeys(value);
  if (!rootKeys) return undefined;
  for (const key of rootKeys) {
    if (key.length < 1 || key.length > METADATA_KEY_MAX_LENGTH) return undefined;
  }
  const root: JsonObject = {};
  // Containers still to copy: the source, its copy, its keys (objects) and its depth (the root is 1).
  const sources: object[] = [value];
  const copies: (JsonObject | JsonValue[])[] = [root];
  const keyLists: (string[] | null)[] = [rootKeys];
  const depths: number[] = [1];
  // An upper bound of the copy's JSON size in UTF-8 bytes: at most 6 bytes per UTF-16 unit of a
  // string (`\u001f`), 25 per number; the exact size is measured only if the bound is over the limit.
  let bound = 0;
  while (sources.length > 0) {
    const source = sources.pop()!;
    const copy = copies.pop()!;
    const keys = keyLists.pop()!;
    const depth = depths.pop()!;
    const count = keys ? keys.length : (source as unknown[]).length;
    bound += 2 + count;
    for (let index = 0; index < count; index += 1) {
      let key: string | number = index;
      if (keys) {
        key = keys[index]!;
        if (!isStorableText(key)) return undefined;
        bound += 6 * key.length + 3;
      }
      const child = (source as Record<string | number, unknown>)[key];
      let stored: JsonValue;
      if (typeof child === "string") {
        if (!isStorableText(child)) return undefined;
        bound += 6 * child.length + 2;
        stored = child;
      } else if (typeof child === "number") {
        if (!Number.isFinite(child)) return undefined;
        bound += NUMBER_MAX_JSON_LENGTH;
        stored = child;
      } else if (typeof child === "boolean" || child === null) {
        bound += 5;
        stored = child;
      } else if (typeof child === "object") {
        if (depth >= METADATA_MAX_DEPTH) return undefined;
        let childKeys: string[] | null = null;
        if (Array.isArray(child)) {
          // The depth check counts every own enumerable property; the copy only the indices.
          if (Object.keys(child).length !== child.length) return undefined;
          stored = new Array<JsonValue>(child.length);
        } else {
          childKeys = plainKeys(child) ?? null;
          if (!childKeys) return undefined;
          stored = {};
        }
        sources.push(child);
        copies.push(stored);
        keyLists.push(childKeys);
        depths.push(depth + 1);
      } else {
        return undefined;
      }
      (copy as Record<string | number, JsonValue>)[key] = stored;
    }
  }
  if (bound > METADATA_MAX_BYTES && utf8Length(JSON.stringify(root)) > METADATA_MAX_BYTES) return undefined;
  return root;
}

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
