import { toNestErrors } from "@hookform/resolvers";
import type { Issue } from "@profilehub/validators";
import type { FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";

import { checkWithSchema, type SchemaSource } from "./schema-check";

/**
 * A react-hook-form resolver for a shared zod schema (`checkWithSchema`): each problem is shown
 * from its code, in the UI's language (`problem`).
 */
export function problemResolver<TInput extends FieldValues, TOutput>(
  schema: SchemaSource<z.ZodType<TOutput, TInput>>,
  problem: (issue: Issue) => string,
): Resolver<TInput, unknown, TOutput> {
  return async (values, _context, options) => {
    const result = await checkWithSchema(schema, values, problem);
    if (result.ok) return { values: result.value, errors: {} };
    return { values: {}, errors: toNestErrors<TInput>(result.errors, options) };
  };
}
