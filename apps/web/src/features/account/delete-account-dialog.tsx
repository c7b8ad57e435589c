"use client";

import { confirmsAccountDeletion } from "@profilehub/validators";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";

import { Button } from "@/components/ui/button";
import { CodeInput } from "@/components/ui/code-input";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Field, fieldInputProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

import type { LazyDialogProps } from "../settings/lazy-dialog";
import { useMe } from "../settings/me";
import { showServerErrors } from "../settings/server-errors";

/* The danger zone's dialog (./delete-account-section), loaded on demand. */

/** Where the browser lands once the account is gone: the landing page's notice, in the account's language. */
export const accountDeletedPath = (locale: string) => `/?account-deleted=${encodeURIComponent(locale)}`;

/** The dialog; its form (and what was typed) is dropped when it closes, and focus goes back to the button. */
export function DeleteAccountDialog({ open, onOpenChange, onClosed }: LazyDialogProps) {
  const { t } = useI18n();
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent closeLabel={t.common.close} data-testid="delete-account-dialog" onClosed={onClosed}>
        <DialogHeader>
          <DialogTitle>{t.deleteAccount.dialogTitle}</DialogTitle>
          <DialogDescription>{t.deleteAccount.explanation}</DialogDescription>
        </DialogHeader>
        <DeleteAccountForm />
      </DialogContent>
    </Dialog>
  );
}

/**
 * The proof the account needs (its password, and the authenticator's code when two-factor is on)
 * and the address typed out; the destructive button stays disabled until it matches.
 */
function DeleteAccountForm() {
  const user = useMe();
  const { t, problem, refusal } = useI18n();
  const trpc = useTRPC();
  const remove = useMutation(trpc.me.delete.mutationOptions());
  const form = useForm({ defaultValues: { confirmation: "", currentPassword: "", code: "" } });
  const confirmed = confirmsAccountDeletion(form.watch("confirmation"), user.email);
  const submit = form.handleSubmit(async (values) => {
    try {
      await remove.mutateAsync({
        confirmation: values.confirmation,
        ...(user.hasPassword ? { currentPassword: values.currentPassword } : {}),
        // An empty code is "required" (the router's answer), not a malformed one.
        ...(user.totpEnabled && values.code.trim() ? { code: values.code } : {}),
      });
    } catch (failure) {
      showServerErrors(form, failure, t, problem, refusal);
      return;
    }
    // Signed out already (the session and its cookie are gone): leave every page of the account.
    window.location.assign(accountDeletedPath(user.locale));
  });
  const errorOf = (name: "confirmation" | "currentPassword" | "code") => form.formState.errors[name]?.message;
  const rootError = form.formState.errors.root?.server?.message;
  const pending = remove.isPending || remove.isSuccess;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="grid gap-4">
      <input type="text" name="username" autoComplete="username" value={user.email} hidden readOnly />
      {user.hasPassword ? (
        <Field id="delete-password" label={t.deleteAccount.password} error={errorOf("currentPassword")}>
          <Input
            {...fieldInputProps("delete-password", errorOf("currentPassword"))}
            type="password"
            autoComplete="current-password"
            autoFocus
            {...form.register("currentPassword")}
          />
        </Field>
      ) : null}
      {user.totpEnabled ? (
        <Field
          id="delete-code"
          label={t.deleteAccount.code}
          description={t.deleteAccount.codeHint}
          error={errorOf("code")}
        >
          <CodeInput
            {...fieldInputProps("delete-code", errorOf("code"), true)}
            placeholder="123456"
            className="max-w-40"
            {...form.register("code")}
          />
        </Field>
      ) : null}
      <Field
        id="delete-confirmation"
        label={
          <span>
            {t.deleteAccount.confirmLabel} <span className="font-mono break-all">{user.email}</span>
          </span>
        }
        description={t.deleteAccount.confirmHint}
        error={errorOf("confirmation")}
      >
        <Input
          {...fieldInputProps("delete-confirmation", errorOf("confirmation"), true)}
          autoComplete="off"
          autoFocus={!user.hasPassword}
          spellCheck={false}
          autoCapitalize="none"
          {...form.register("confirmation")}
        />
      </Field>
      {rootError ? (
        <p role="alert" className="text-[0.8125rem] font-medium text-destructive">
          {rootError}
        </p>
      ) : null}
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="outline" disabled={pending}>
            {t.deleteAccount.cancel}
          </Button>
        </DialogClose>
        <Button type="submit" variant="destructive" disabled={!confirmed || pending}>
          {pending ? t.deleteAccount.deleting : t.deleteAccount.submit}
        </Button>
      </DialogFooter>
    </form>
  );
}
