import { isProblemCode, type Issue, problemsOfZodIssue } from "@profilehub/validators";
import type { z } from "zod";

/** A schema, or how to load it (a page that keeps zod out of its first load). */
export type SchemaSource<TSchema> = TSchema | (() => Promise<TSchema>);

export type SchemaCheck<TOutput> =
  { ok: true; value: TOutput } | { ok: false; errors: Record<string, { type: string; message: string }> };

/**
 * A form's values checked by a shared zod schema: the parsed values, or each field's first problem
 * (by its canonical path) shown from its code, in the UI's language (`problem`). Checks a form adds
 * itself carry their own, already translated text.
 */
export async function checkWithSchema<TOutput>(
  source: SchemaSource<z.ZodType<TOutput>>,
  values: unknown,
  problem: (issue: Issue) => string,
): Promise<SchemaCheck<TOutput>> {
  const schema = typeof source === "function" ? await source() : source;
  const result = await schema.safeParseAsync(values);
  if (result.success) return { ok: true, value: result.data };
  const errors: Record<string, { type: string; message: string }> = {};
  for (const zodIssue of result.error.issues) {
    const ownText = !isProblemCode(zodIssue.message);
    for (const issue of problemsOfZodIssue(zodIssue)) {
      errors[issue.path] ??= { type: issue.code, message: ownText ? zodIssue.message : problem(issue) };
    }
  }
  return { ok: false, errors };
}
