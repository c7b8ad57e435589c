"use client";

import type { UserUpdateInput } from "@profilehub/validators";
import { useEffect, useRef } from "react";

import { useToast } from "@/components/toaster";
import { useI18n } from "@/i18n/provider";

import { useUpdateMe } from "./me";
import { type ServerErrorsTarget, showServerErrors } from "./server-errors";

export interface SaveMeOptions<TValues> {
  toUpdate: (values: TValues) => UserUpdateInput;
  /** The status message once saved (may depend on what was saved). */
  savedMessage: string | ((values: TValues) => string);
  onSaved?: () => void;
  /** Awaited before saving (its failure does not stop the save), e.g. loading the new language's dictionary. */
  beforeSave?: (values: TValues) => Promise<unknown>;
}

/**
 * Saving a settings form's checked values with the optimistic `me.update`, whatever holds the
 * form's state (react-hook-form in `useUpdateForm`, plain state in the notifications form): the
 * server's problems land on the form's fields (`form`), and once stored, `stored()` runs, then the
 * "saved" status message and `onSaved`.
 */
export function useSaveMe<TValues>(options: SaveMeOptions<TValues>) {
  const { t, problem, refusal } = useI18n();
  const toast = useToast();
  const update = useUpdateMe();
  // The options of the latest render: a saved language change has switched the dictionary by the
  // time the save resolves, so the status message speaks the new language.
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const save = async (values: TValues, form: ServerErrorsTarget, stored: () => void) => {
    await options.beforeSave?.(values).catch(() => undefined);
    try {
      await update.mutateAsync(options.toUpdate(values));
    } catch (error) {
      showServerErrors(form, error, t, problem, refusal);
      return;
    }
    stored();
    const { savedMessage, onSaved } = latest.current;
    toast(typeof savedMessage === "function" ? savedMessage(values) : savedMessage);
    onSaved?.();
  };
  return { save, pending: update.isPending };
}
