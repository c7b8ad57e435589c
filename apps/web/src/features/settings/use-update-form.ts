"use client";

import type { UserUpdateInput } from "@profilehub/validators";
import { type FormEvent, useEffect, useRef } from "react";
import { type DefaultValues, type FieldValues, type Mode, type Resolver, useForm } from "react-hook-form";
import type { z } from "zod";

import { useToast } from "@/components/toaster";
import { useI18n } from "@/i18n/provider";

import { useUpdateMe } from "./me";
import { problemResolver, type SchemaSource } from "./problem-resolver";
import { showServerErrors } from "./server-errors";
import { useUnsavedGuard } from "./unsaved-changes";

/**
 * A react-hook-form form validated by the shared zod schema, saved with the optimistic
 * `me.update`; server errors land on their fields; unsaved edits are guarded.
 */
export function useUpdateForm<TSchema extends z.ZodType<unknown, FieldValues>>(options: {
  /** The schema, or how to load it (`() => import(…)`: zod stays out of the page's first load). */
  schema: SchemaSource<TSchema>;
  defaultValues: z.input<TSchema>;
  toUpdate: (values: z.output<TSchema>) => UserUpdateInput;
  /** The status message once saved (may depend on what was saved). */
  savedMessage: string | ((values: z.output<TSchema>) => string);
  onSaved?: () => void;
  /** When fields are validated: on submit (default), or live (`onChange`). */
  mode?: Mode;
  /** Awaited before saving (its failure does not stop the save), e.g. loading the new language's dictionary. */
  beforeSave?: (values: z.output<TSchema>) => Promise<unknown>;
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
    await options.beforeSave?.(values).catch(() => undefined);
    try {
      await update.mutateAsync(options.toUpdate(values));
    } catch (error) {
      showServerErrors(form, error, t, problem, refusal);
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
