"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Check, Copy, Download, KeyRound } from "lucide-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";

import { useToast } from "@/components/toaster";
import { Button } from "@/components/ui/button";
import { CodeInput } from "@/components/ui/code-input";
import { Field, fieldInputProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

import { FormActions } from "../settings/editable-row";
import { useMe } from "../settings/me";
import { showServerErrors } from "../settings/server-errors";
import { useUnsavedGuard } from "../settings/unsaved-changes";

/** Fewer unused codes than this: suggest a new set. */
const LOW = 3;

/** The text of the downloaded file: who it is for, when, and one code per line. */
function recoveryFile(codes: string[], intro: string, created: string): string {
  return [intro, created, "", ...codes, ""].join("\n");
}

/**
 * A fresh set of recovery codes, shown this once: copy them, download them as a .txt file, then
 * confirm. Takes the focus when it opens (so keyboard and screen-reader users land on it).
 */
export function RecoveryCodesPanel({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t, format } = useI18n();
  const user = useMe();
  const texts = t.account.twoFactor.recovery;
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => heading.current?.focus(), []);
  const file = () =>
    recoveryFile(codes, texts.fileIntro(user.email), texts.fileCreated(format.dateTime(new Date().toISOString())));
  const download = () => {
    const url = URL.createObjectURL(new Blob([file()], { type: "text/plain;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = "profilehub-recovery-codes.txt";
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <section
      aria-labelledby="recovery-codes-title"
      className="grid gap-4 rounded-lg border border-primary/40 bg-muted/30 p-4 sm:p-5"
      data-testid="recovery-codes"
    >
      <div className="grid gap-1.5">
        <h3
          id="recovery-codes-title"
          ref={heading}
          tabIndex={-1}
          className="flex items-center gap-2 font-semibold outline-none"
        >
          <KeyRound aria-hidden className="size-4" /> {texts.title}
        </h3>
        <p className="text-sm">{texts.saveNow}</p>
        <p className="text-[0.8125rem] text-muted-foreground">{texts.description}</p>
      </div>
      <ol
        aria-label={texts.listLabel}
        className="grid grid-cols-1 gap-x-6 gap-y-1.5 rounded-md border bg-card p-3 font-mono text-sm min-[420px]:grid-cols-2"
      >
        {codes.map((code) => (
          <li key={code} data-testid="recovery-code" className="select-all">
            {code}
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap items-center justify-end gap-2">
        <Button
          size="sm"
          variant="outline"
          onClick={() => void navigator.clipboard?.writeText(codes.join("\n")).then(() => setCopied(true))}
          data-testid="recovery-codes-copy"
        >
          {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
          {copied ? t.common.copied : t.common.copy}
        </Button>
        <Button size="sm" variant="outline" onClick={download} data-testid="recovery-codes-download">
          <Download aria-hidden /> {texts.download}
        </Button>
        <Button size="sm" onClick={onDone} data-testid="recovery-codes-saved">
          <Check aria-hidden /> {texts.saved}
        </Button>
      </div>
    </section>
  );
}

/**
 * "N unused recovery codes" and "Regenerate" (re-authenticated), while two-factor is on. Right
 * after the codes were saved it takes the focus back (the panel that had it is gone).
 */
export function RecoveryCodesStatus({
  onRegenerated,
  focusOnMount = false,
}: {
  onRegenerated: (codes: string[]) => void;
  focusOnMount?: boolean;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const texts = t.account.twoFactor.recovery;
  const status = useQuery(trpc.me.totp.recoveryCodes.status.queryOptions());
  const [regenerating, setRegenerating] = useState(false);
  const regenerateButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusOnMount) regenerateButton.current?.focus();
  }, [focusOnMount]);
  const unused = status.data?.unused;
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="flex items-center gap-2 text-sm" data-testid="recovery-codes-status">
          <KeyRound aria-hidden className="size-4 text-muted-foreground" />
          {unused === undefined ? t.common.loading : texts.unused(unused)}
        </p>
        {!regenerating ? (
          <Button
            ref={regenerateButton}
            size="sm"
            variant="outline"
            onClick={() => setRegenerating(true)}
            data-testid="recovery-codes-regenerate"
          >
            {texts.regenerate}
          </Button>
        ) : null}
      </div>
      {unused !== undefined && unused < LOW && !regenerating ? (
        <p className="text-[0.8125rem] text-muted-foreground">{texts.low}</p>
      ) : null}
      {regenerating ? (
        <RegenerateForm
          onClose={() => setRegenerating(false)}
          onDone={(codes) => {
            setRegenerating(false);
            onRegenerated(codes);
          }}
        />
      ) : null}
    </div>
  );
}

/** The current password (or, without one, a code from the app), then a new set of codes. */
function RegenerateForm({ onClose, onDone }: { onClose: () => void; onDone: (codes: string[]) => void }) {
  const { t, problem, refusal } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const user = useMe();
  const texts = t.account.twoFactor.recovery;
  const regenerate = useMutation(
    trpc.me.totp.recoveryCodes.regenerate.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.me.totp.recoveryCodes.status.queryKey() }),
    }),
  );
  const form = useForm({ defaultValues: { currentPassword: "", code: "" } });
  useUnsavedGuard(form.formState.isDirty);
  const handle = form.handleSubmit(async ({ currentPassword, code }) => {
    try {
      const input = user.hasPassword ? { currentPassword } : { code };
      const { recoveryCodes } = await regenerate.mutateAsync(input);
      form.reset();
      toast(texts.regenerated);
      onDone(recoveryCodes);
    } catch (failure) {
      showServerErrors(form, failure, t, problem, refusal);
    }
  });
  const passwordError = form.formState.errors.currentPassword?.message;
  const codeError = form.formState.errors.code?.message;
  const submit = (event: FormEvent) => void handle(event);
  return (
    <form onSubmit={submit} noValidate className="grid max-w-xl gap-4 rounded-lg border bg-muted/30 p-4 sm:p-5">
      {user.hasPassword ? (
        <Field
          id="recovery-password"
          label={texts.password}
          description={texts.regenerateDescription}
          error={passwordError}
        >
          <Input
            {...fieldInputProps("recovery-password", passwordError, true)}
            type="password"
            autoComplete="current-password"
            autoFocus
            {...form.register("currentPassword")}
          />
        </Field>
      ) : (
        <Field
          id="recovery-totp"
          label={t.account.twoFactor.code}
          description={texts.regenerateWithCode}
          error={codeError}
        >
          <CodeInput
            {...fieldInputProps("recovery-totp", codeError, true)}
            autoFocus
            className="max-w-40"
            {...form.register("code")}
          />
        </Field>
      )}
      <FormActions
        pending={regenerate.isPending}
        onCancel={onClose}
        error={form.formState.errors.root?.server?.message}
        saveLabel={texts.regenerateSubmit}
        testId="recovery-codes-regenerate"
      />
    </form>
  );
}
