import type { Issue } from "@profilehub/validators";

import { routerError } from "@/trpc/errors";

import { failureMessage } from "./failure";

/** Every field name of a form's values (`location.latitude`, …), arrays counting as one field. */
function fieldNames(values: unknown, prefix = ""): string[] {
  if (values === null || typeof values !== "object" || Array.isArray(values)) return prefix ? [prefix] : [];
  return Object.entries(values).flatMap(([key, value]) => fieldNames(value, prefix ? `${prefix}.${key}` : key));
}

/** The form field an issue's canonical path (`username`, `location.latitude`, `userMetadata.x`) belongs to. */
function fieldFor(path: string, names: string[]): string | undefined {
  if (!path) return undefined;
  return (
    names.find((name) => name === path) ??
    names.find((name) => path.startsWith(`${name}.`)) ??
    names.find((name) => name.startsWith(`${path}.`))
  );
}

/**
 * What it needs of a form: react-hook-form's `useForm()`, the signed-out forms' `useChecksForm()`,
 * or the notifications form's own state.
 */
export interface ServerErrorsTarget {
  getValues(): unknown;
  // Method syntax on purpose: react-hook-form's `setError` takes its own field names.
  setError(name: string, error: { type: string; message: string }, options?: { shouldFocus?: boolean }): void;
}

/**
 * Puts a failed call's problems where they belong: each issue next to its field (the router
 * names fields by their canonical path, which is what our forms use), the rest at the form level.
 */
export function showServerErrors(
  form: ServerErrorsTarget,
  error: unknown,
  t: Parameters<typeof failureMessage>[1],
  problem: (issue: Issue) => string,
  refusal: Parameters<typeof failureMessage>[2],
) {
  const names = fieldNames(form.getValues());
  const { issues } = routerError(error);
  const loose: string[] = [];
  let focused = false;
  for (const item of issues) {
    const name = fieldFor(item.path, names);
    if (!name) {
      loose.push(problem(item));
      continue;
    }
    form.setError(name, { type: item.code, message: problem(item) }, { shouldFocus: !focused });
    focused = true;
  }
  if (issues.length === 0) loose.push(failureMessage(error, t, refusal));
  if (loose.length > 0) form.setError("root.server", { type: "server", message: loose.join(" ") });
}
