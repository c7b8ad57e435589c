import type { Issue, UserUpdateInput } from "@profilehub/validators";
import { z } from "zod";

type CanonicalField = keyof UserUpdateInput;

export interface FieldSpec {
  /** The canonical field of `me.update` / `users.update` this dialect field feeds. */
  canonical: CanonicalField;
  /** The validator of the canonical field (documentation; the router applies it). */
  schema: z.ZodType;
  description: string;
}

export const field = (canonical: CanonicalField, schema: z.ZodType, description: string): FieldSpec => ({
  canonical,
  schema,
  description,
});

export interface DialectFields<K extends string> {
  /** The documented request object (every field optional), for the OpenAPI document. */
  schema: z.ZodObject;
  /** Renames the dialect's fields to canonical ones; keys not in the map are reported, not sent. */
  toCanonical(
    body: Record<string, unknown>,
    ignored?: readonly string[],
  ): { changes: Record<string, unknown>; unknown: string[] };
  /** `userMetadataPatch.theme` → `data.theme`: an issue path in the dialect's own names. */
  dialectPath(canonicalPath: string): string;
  names: readonly K[];
}

/** One table per dialect maps its field names to canonical ones, for parsing, errors and docs. */
export function defineFields<K extends string>(specs: Record<K, FieldSpec>): DialectFields<K> {
  const entries = Object.entries(specs) as [K, FieldSpec][];
  const toDialect = new Map(entries.map(([name, spec]) => [spec.canonical as string, name as string]));
  return {
    names: entries.map(([name]) => name),
    schema: z.strictObject(
      Object.fromEntries(entries.map(([name, spec]) => [name, spec.schema.optional().describe(spec.description)])),
    ),
    toCanonical(body, ignored = []) {
      const changes: Record<string, unknown> = {};
      const unknown: string[] = [];
      for (const [key, value] of Object.entries(body)) {
        const spec = Object.hasOwn(specs, key) ? specs[key as K] : undefined;
        if (spec) changes[spec.canonical] = value;
        else if (!ignored.includes(key)) unknown.push(key);
      }
      return { changes, unknown };
    },
    dialectPath(canonicalPath) {
      const [head = "", ...rest] = canonicalPath.split(".");
      return [toDialect.get(head) ?? head, ...rest].join(".");
    },
  };
}

/** Issues with their paths in the dialect's names. */
export function dialectIssues(fields: DialectFields<string>, issues: readonly Issue[]): Issue[] {
  return issues.map((issue) => ({ path: fields.dialectPath(issue.path), message: issue.message }));
}

/** A body must be a JSON object; anything else is reported as one issue. */
export function asObject(body: unknown): Record<string, unknown> | null {
  return typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
}
