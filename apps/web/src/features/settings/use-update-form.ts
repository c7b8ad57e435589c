"use client";

import type { FormEvent } from "react";
import { type DefaultValues, type FieldValues, type Mode, type Resolver, useForm } from "react-hook-form";
import type { z } from "zod";

import { useI18n } from "@/i18n/provider";

import { problemResolver } from "./problem-resolver";
import type { SchemaSource } from "./schema-check";
import { useUnsavedGuard } from "./unsaved-changes";
import { type SaveMeOptions, useSaveMe } from "./use-save-me";

/**
 * A react-hook-form form validated by the shared zod schema, saved with the optimistic
 * `me.update` (`useSaveMe`); server errors land on their fields; unsaved edits are guarded.
 */
export function useUpdateForm<TSchema extends z.ZodType<unknown, FieldValues>>(
  options: SaveMeOptions<z.output<TSchema>> & {
    /** The schema, or how to load it (`() => import(…)`: zod stays out of the page's first load). */
    schema: SchemaSource<TSchema>;
    defaultValues: z.input<TSchema>;
    /** When fields are validated: on submit (default), or live (`onChange`). */
    mode?: Mode;
  },
) {
  const { problem } = useI18n();
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
  const { save, pending } = useSaveMe(options);
  const handle = form.handleSubmit((values) => save(values, form, () => form.reset(form.getValues())));
  return {
    form,
    /** The form's onSubmit handler. */
    submit: (event?: FormEvent) => void handle(event),
    pending,
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
