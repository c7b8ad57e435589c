import type { FieldCheck, Issue } from "@profilehub/validators";
import { type FormEvent, useRef, useState } from "react";

/** A check of one field: a shared one (`checkEmail`, …), or the form's own, with its own text. */
export type FormCheck = (value: string) => FieldCheck | { ok: false; text: string };

type Message = { message: string };
type Errors<TValues> = { [K in keyof TValues]?: Message } & { root?: { server?: Message } };

/**
 * The signed-out forms' state, without a form library: a few text inputs, checked on submit (then
 * again as each is edited) with the shared zod-free checks of @profilehub/validators (the same
 * rules and problem codes as its schemas; the server applies the schemas), each problem shown from
 * its code in the UI's language (`problem`). The surface is the part of react-hook-form's
 * `useForm` these forms used (`register`, `handleSubmit`, `formState`, `setError`, `getValues`),
 * and so is the behaviour: the first field in error is focused; `root.server` clears on submit.
 */
export function useChecksForm<TValues extends Record<string, string>>(
  checks: { [K in keyof TValues]: FormCheck },
  problem: (issue: Pick<Issue, "path" | "code" | "params">) => string,
) {
  type Name = keyof TValues & string;
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const submitted = useRef(false);
  const [errors, setErrors] = useState<Record<string, Message | undefined>>({});
  const [isSubmitting, setSubmitting] = useState(false);

  const valueOf = (name: string) => inputs.current.get(name)?.value ?? "";
  const check = (name: string): { value: string } | Message => {
    const result = (checks as Record<string, FormCheck>)[name]!(valueOf(name));
    if (result.ok) return { value: result.value };
    if ("text" in result) return { message: result.text };
    return { message: problem({ path: name, code: result.code, params: result.params ?? {} }) };
  };
  const focus = (name: string) => inputs.current.get(name)?.focus();

  return {
    register: (name: Name) => ({
      name,
      ref: (input: HTMLInputElement | null) => {
        if (input) inputs.current.set(name, input);
        else inputs.current.delete(name);
      },
      onChange: () => {
        if (!submitted.current) return;
        const result = check(name);
        setErrors((previous) => ({ ...previous, [name]: "message" in result ? result : undefined }));
      },
    }),
    handleSubmit: (onValid: (values: TValues) => Promise<void>) => async (event: FormEvent) => {
      event.preventDefault();
      submitted.current = true;
      const next: Record<string, Message | undefined> = {};
      const values: Record<string, string> = {};
      for (const name of Object.keys(checks)) {
        const result = check(name);
        if ("message" in result) next[name] = result;
        else values[name] = result.value;
      }
      setErrors(next);
      const first = Object.keys(next)[0];
      if (first) return void focus(first);
      setSubmitting(true);
      try {
        await onValid(values as TValues);
      } finally {
        setSubmitting(false);
      }
    },
    formState: {
      errors: { ...errors, root: { server: errors["root.server"] } } as Errors<TValues>,
      isSubmitting,
    },
    setError(name: string, error: { type?: string; message: string }, options?: { shouldFocus?: boolean }) {
      setErrors((previous) => ({ ...previous, [name]: { message: error.message } }));
      if (options?.shouldFocus) focus(name);
    },
    getValues: () => Object.fromEntries(Object.keys(checks).map((name) => [name, valueOf(name)])) as TValues,
  };
}

export type ChecksForm = ReturnType<typeof useChecksForm>;
export type FieldRegistration = ReturnType<ChecksForm["register"]>;
