import { z } from "zod";

/**
 * A text input for a nullable field: an empty (or blank) input clears the field (`null`),
 * anything else must pass the shared schema.
 */
export function clearableText<T extends z.ZodType<string, string>>(schema: T) {
  return z
    .string()
    .transform((value) => (value.trim() === "" ? null : value))
    .pipe(schema.nullable());
}
