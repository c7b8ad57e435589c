import { toNestErrors } from "@hookform/resolvers";
import type { FieldCheck, Issue } from "@profilehub/validators";
import type { FieldError, Resolver } from "react-hook-form";

/** A check of one field: a shared one (`checkEmail`, …), or the form's own, with its own text. */
export type FormCheck = (value: string) => FieldCheck | { ok: false; text: string };

/**
 * A react-hook-form resolver for the signed-out forms: the shared zod-free checks of
 * @profilehub/validators (the same rules and problem codes as its schemas; the server applies the
 * schemas), each problem shown from its code in the UI's language (`problem`), like `problemResolver`.
 */
export function checksResolver<TValues extends Record<string, string>>(
  checks: { [K in keyof TValues]: FormCheck },
  problem: (issue: Pick<Issue, "path" | "code" | "params">) => string,
): Resolver<TValues, unknown, TValues> {
  return (values, _context, options) => {
    const output: Record<string, string> = {};
    const errors: Record<string, FieldError> = {};
    for (const [name, check] of Object.entries<FormCheck>(checks)) {
      const result = check(values[name] ?? "");
      if (result.ok) output[name] = result.value;
      else if ("text" in result) errors[name] = { type: "invalid", message: result.text };
      else
        errors[name] = {
          type: result.code,
          message: problem({ path: name, code: result.code, params: result.params ?? {} }),
        };
    }
    if (Object.keys(errors).length > 0) return { values: {}, errors: toNestErrors<TValues>(errors, options) };
    return { values: output as TValues, errors: {} };
  };
}
