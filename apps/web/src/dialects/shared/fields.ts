import { createIssue, type Issue, updateInput, type UpdateInputKey } from "@profilehub/validators";
import { z } from "zod";

export interface FieldSpec {
  /** The canonical input of `me.update` / `users.update` this dialect field feeds. */
  canonical: UpdateInputKey;
  /** The field's schema as the dialect documents it (the router applies the rules). */
  schema: z.ZodType;
  description: string;
}

/**
 * A dialect field feeding a canonical input. Its documented schema is the registry's, unless the
 * door's policy makes it stricter (A's 6-character password) or the dialect accepts more (D's
 * `null` metadata, which it turns into `{}`).
 */
export function field(canonical: UpdateInputKey, description: string, schema?: z.ZodType): FieldSpec {
  return { canonical, description, schema: schema ?? updateInput(canonical)!.schema };
}

export interface DialectFields<K extends string> {
  /** The documented request object (every field optional), for the OpenAPI document. */
  schema: z.ZodObject;
  /** Renames the dialect's fields to canonical ones; keys not in the map are reported, not sent. */
  toCanonical(
    body: Record<string, unknown>,
    ignored?: readonly string[],
  ): { changes: Record<string, unknown>; unknown: string[]; problems: Issue[] };
  /** `userMetadataPatch.theme` → `data.theme`: an issue path in the dialect's own names. */
  dialectPath(canonicalPath: string): string;
  names: readonly K[];
}

/**
 * One table per dialect maps its field names to canonical ones, for parsing, errors and docs.
 * `synonyms` are other names a dialect accepts for one of its fields (A's `metadata` for `data`):
 * same canonical input, never in error paths (the documented name is), and not both at once.
 */
export function defineFields<K extends string>(
  specs: Record<K, FieldSpec>,
  synonyms: Record<string, NoInfer<K>> = {},
): DialectFields<K> {
  const entries = Object.entries(specs) as [K, FieldSpec][];
  const toDialect = new Map(entries.map(([name, spec]) => [spec.canonical as string, name as string]));
  const specOf = (key: string): FieldSpec | undefined => {
    const name = Object.hasOwn(synonyms, key) ? synonyms[key] : key;
    return name !== undefined && Object.hasOwn(specs, name) ? specs[name as K] : undefined;
  };
  return {
    names: entries.map(([name]) => name),
    schema: z.strictObject(
      Object.fromEntries([
        ...entries.map(([name, spec]) => [name, spec.schema.optional().describe(spec.description)]),
        ...Object.entries(synonyms).map(([synonym, name]) => [
          synonym,
          specs[name].schema.optional().describe(`Same as ${name}`),
        ]),
      ]),
    ),
    toCanonical(body, ignored = []) {
      const changes: Record<string, unknown> = {};
      const unknown: string[] = [];
      const problems: Issue[] = [];
      for (const [key, value] of Object.entries(body)) {
        const spec = specOf(key);
        if (!spec) {
          if (!ignored.includes(key)) unknown.push(key);
        } else if (Object.hasOwn(changes, spec.canonical)) {
          problems.push(createIssue(key, "exclusive_with", { other: spec.canonical }));
        } else changes[spec.canonical] = value;
      }
      return { changes, unknown, problems };
    },
    dialectPath(canonicalPath) {
      const [head = "", ...rest] = canonicalPath.split(".");
      return [toDialect.get(head) ?? head, ...rest].join(".");
    },
  };
}

/**
 * Codes of the problems a door finds reading its request: their paths are already in the door's
 * own names (an unknown key as sent), never canonical ones.
 */
const REQUEST_PROBLEMS: ReadonlySet<Issue["code"]> = new Set([
  "unknown_field",
  "missing_param",
  "invalid_form_json",
  "not_an_object",
]);

/** An issue's path in the dialect's names. */
export function dialectPathOf(fields: DialectFields<string>, issue: Issue): string {
  return REQUEST_PROBLEMS.has(issue.code) ? issue.path : fields.dialectPath(issue.path);
}

/** Keys a dialect could not map, as problems for the router to report with its own. */
export function unknownFieldProblems(keys: readonly string[]): Issue[] {
  return keys.map((key) => createIssue(key, "unknown_field"));
}

/** The problem of a body that is not a JSON object. */
export const notAnObject = (): Issue => createIssue("", "not_an_object");

/** A body must be a JSON object; anything else is reported as one issue. */
export function asObject(body: unknown): Record<string, unknown> | null {
  return typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
}
