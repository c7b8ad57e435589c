import { toNestErrors } from "@hookform/resolvers";
import { isProblemCode, type Issue, problemsOfZodIssue } from "@profilehub/validators";
import type { FieldError, FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";

/** A schema, or how to load it (a page that keeps zod out of its first load). */
export type SchemaSource<TSchema> = TSchema | (() => Promise<TSchema>);

/**
 * A react-hook-form resolver for a shared zod schema: each problem is shown from its code, in the
 * UI's language (`problem`). Checks a form adds itself carry their own, already translated text.
 */
export function problemResolver<TInput extends FieldValues, TOutput>(
  schema: SchemaSource<z.ZodType<TOutput, TInput>>,
  problem: (issue: Issue) => string,
): Resolver<TInput, unknown, TOutput> {
  return async (values, _context, options) => {
    const loaded = typeof schema === "function" ? await schema() : schema;
    const result = await loaded.safeParseAsync(values);
    if (result.success) return { values: result.data, errors: {} };
    const errors: Record<string, FieldError> = {};
    for (const zodIssue of result.error.issues) {
      const ownText = !isProblemCode(zodIssue.message);
      for (const issue of problemsOfZodIssue(zodIssue)) {
        errors[issue.path] ??= { type: issue.code, message: ownText ? zodIssue.message : problem(issue) };
      }
    }
    return { values: {}, errors: toNestErrors<TInput>(errors, options) };
  };
}
