"use client";

import type { Issue, UserUpdateInput } from "@profilehub/validators";
import { type FormEvent, useEffect, useRef } from "react";
import {
  type DefaultValues,
  type FieldValues,
  type Mode,
  type Path,
  type Resolver,
  useForm,
  type UseFormReturn,
} from "react-hook-form";
import type { z } from "zod";

import { useToast } from "@/components/toaster";
import { useI18n } from "@/i18n/provider";
import { routerError } from "@/trpc/errors";

import { failureMessage } from "./failure";
import { useUpdateMe } from "./me";
import { problemResolver } from "./problem-resolver";
import { useUnsavedGuard } from "./unsaved-changes";

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
 * Puts a failed call's problems where they belong: each issue next to its field (the router
 * names fields by their canonical path, which is what our forms use), the rest at the form level.
 */
export function showServerErrors<T extends FieldValues>(
  form: UseFormReturn<T, unknown, unknown>,
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
    form.setError(name as Path<T>, { type: item.code, message: problem(item) }, { shouldFocus: !focused });
    focused = true;
  }
  if (issues.length === 0) loose.push(failureMessage(error, t, refusal));
  if (loose.length > 0) form.setError("root.server", { type: "server", message: loose.join(" ") });
}

/**
 * A react-hook-form form validated by the shared zod schema, saved with the optimistic
 * `me.update`; server errors land on their fields; unsaved edits are guarded.
 */
export function useUpdateForm<TSchema extends z.ZodType<unknown, FieldValues>>(options: {
  schema: TSchema;
  defaultValues: z.input<TSchema>;
  toUpdate: (values: z.output<TSchema>) => UserUpdateInput;
  /** The status message once saved (may depend on what was saved). */
  savedMessage: string | ((values: z.output<TSchema>) => string);
  onSaved?: () => void;
  /** When fields are validated: on submit (default), or live (`onChange`). */
  mode?: Mode;
}) {
  const { t, problem, refusal } = useI18n();
  const toast = useToast();
  const update = useUpdateMe();
  const form = useForm<z.input<TSchema>, unknown, z.output<TSchema>>({
    resolver: problemResolver(options.schema as never, problem) as unknown as Resolver<
      z.input<TSchema>,
      unknown,
      z.output<TSchema>
    >,
    defaultValues: options.defaultValues as DefaultValues<z.input<TSchema>>,
    mode: options.mode ?? "onSubmit",
  });
  useUnsavedGuard(form.formState.isDirty);
  // The options of the latest render: a saved language change has switched the dictionary by the
  // time the save resolves, so the status message speaks the new language.
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const handle = form.handleSubmit(async (values) => {
    try {
      await update.mutateAsync(options.toUpdate(values));
    } catch (error) {
      showServerErrors(form as unknown as UseFormReturn<FieldValues, unknown, unknown>, error, t, problem, refusal);
      return;
    }
    form.reset(form.getValues());
    const { savedMessage, onSaved } = latest.current;
    toast(typeof savedMessage === "function" ? savedMessage(values) : savedMessage);
    onSaved?.();
  });
  return {
    form,
    /** The form's onSubmit handler. */
    submit: (event?: FormEvent) => void handle(event),
    pending: update.isPending,
    rootError: form.formState.errors.root?.server?.message,
    /** A field's error message, in the UI's language. */
    errorOf: (name: string) => {
      const found = name
        .split(".")
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], form.formState.errors);
      const message = (found as { message?: unknown } | undefined)?.message;
      return typeof message === "string" ? message : undefined;
    },
  };
}
