"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Check, Copy, ShieldCheck, ShieldOff } from "lucide-react";
import { type FormEvent, useState } from "react";
import { useForm } from "react-hook-form";

import { useToast } from "@/components/toaster";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CodeInput } from "@/components/ui/code-input";
import { Field, fieldInputProps } from "@/components/ui/field";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

import { FormActions } from "../settings/editable-row";
import { failureMessage } from "../settings/failure";
import { useMe, useSetMe } from "../settings/me";
import { problemResolver } from "../settings/problem-resolver";
import { SettingsSection } from "../settings/section";
import { showServerErrors } from "../settings/server-errors";
import { useUnsavedGuard } from "../settings/unsaved-changes";
import { accountSchemas } from "./form-schemas-loader";
import { RecoveryCodesPanel, RecoveryCodesStatus } from "./recovery-codes";

const codeForm = () => accountSchemas().then((schemas) => schemas.codeForm);
type Setup = { secretBase32: string; qrCodeDataUrl: string };

/**
 * Two-factor with an authenticator app: set up (QR code + key + a first code, then the recovery
 * codes, shown once), the count of unused recovery codes and a new set, or turn off (a code).
 */
export function TwoFactorSection() {
  const user = useMe();
  const { t, refusal } = useI18n();
  const trpc = useTRPC();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [disabling, setDisabling] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [freshCodes, setFreshCodes] = useState<string[] | null>(null);
  const [codesSaved, setCodesSaved] = useState(false);
  const begin = useMutation(
    trpc.me.totp.begin.mutationOptions({
      onSuccess: (started) => setSetup(started),
      onError: (failure) => setError(failureMessage(failure, t, refusal)),
    }),
  );
  const status = user.totpEnabled ? (
    <Badge variant="success" data-testid="totp-status">
      <ShieldCheck aria-hidden /> {t.account.twoFactor.on}
    </Badge>
  ) : (
    <Badge variant="outline" data-testid="totp-status">
      <ShieldOff aria-hidden /> {t.account.twoFactor.off}
    </Badge>
  );
  return (
    <SettingsSection
      title={t.account.twoFactor.title}
      description={t.account.twoFactor.description}
      testId="section-2fa"
    >
      <div className="grid gap-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          {status}
          {!user.totpEnabled && !setup ? (
            <Button
              size="sm"
              onClick={() => {
                setError(null);
                begin.mutate();
              }}
              disabled={begin.isPending}
            >
              {begin.isPending ? t.account.twoFactor.starting : t.account.twoFactor.setUp}
            </Button>
          ) : null}
          {user.totpEnabled && !disabling && !freshCodes ? (
            <Button size="sm" variant="outline" onClick={() => setDisabling(true)}>
              {t.account.twoFactor.disable}
            </Button>
          ) : null}
        </div>
        {error ? (
          <p role="alert" className="text-[0.8125rem] font-medium text-destructive">
            {error}
          </p>
        ) : null}
        {setup && !user.totpEnabled ? (
          <EnableForm setup={setup} onClose={() => setSetup(null)} onEnabled={setFreshCodes} />
        ) : null}
        {freshCodes && user.totpEnabled ? (
          <RecoveryCodesPanel
            codes={freshCodes}
            onDone={() => {
              setFreshCodes(null);
              setCodesSaved(true);
            }}
          />
        ) : null}
        {user.totpEnabled && !freshCodes && !disabling ? (
          <RecoveryCodesStatus onRegenerated={setFreshCodes} focusOnMount={codesSaved} />
        ) : null}
        {disabling && user.totpEnabled ? <DisableForm onClose={() => setDisabling(false)} /> : null}
      </div>
    </SettingsSection>
  );
}

function useCodeForm(onCode: (code: string) => Promise<unknown>, done: () => void) {
  const { t, problem, refusal } = useI18n();
  const form = useForm({ resolver: problemResolver(codeForm, problem), defaultValues: { code: "" } });
  useUnsavedGuard(form.formState.isDirty);
  const handle = form.handleSubmit(async ({ code }) => {
    try {
      await onCode(code);
    } catch (failure) {
      showServerErrors(form, failure, t, problem, refusal);
      return;
    }
    form.reset();
    done();
  });
  const message = form.formState.errors.code?.message;
  const submit = (event: FormEvent) => void handle(event);
  return {
    form,
    submit,
    codeError: message,
    rootError: form.formState.errors.root?.server?.message,
  };
}

function TotpCodeField({
  form,
  error,
  describedBy,
}: {
  form: ReturnType<typeof useCodeForm>["form"];
  error: string | undefined;
  describedBy: string;
}) {
  const { t } = useI18n();
  return (
    <Field id="totp-code" label={t.account.twoFactor.code} description={describedBy} error={error}>
      <CodeInput
        {...fieldInputProps("totp-code", error, true)}
        placeholder="123456"
        className="max-w-40"
        autoFocus
        {...form.register("code")}
      />
    </Field>
  );
}

/** The recovery codes' count changed (a new set, or none): read it again when shown. */
function useRefreshRecoveryStatus() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.me.totp.recoveryCodes.status.queryKey() });
}

function EnableForm({
  setup,
  onClose,
  onEnabled,
}: {
  setup: Setup;
  onClose: () => void;
  /** Two-factor is on: the recovery codes to show, once. */
  onEnabled: (recoveryCodes: string[]) => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const setMe = useSetMe();
  const toast = useToast();
  const refreshStatus = useRefreshRecoveryStatus();
  const enable = useMutation(
    trpc.me.totp.enable.mutationOptions({
      onSuccess: ({ recoveryCodes, ...user }) => {
        onEnabled(recoveryCodes);
        setMe(user);
        void refreshStatus();
      },
    }),
  );
  const { form, submit, codeError, rootError } = useCodeForm(
    (code) => enable.mutateAsync({ secretBase32: setup.secretBase32, code }),
    () => {
      toast(t.account.twoFactor.enabled);
      onClose();
    },
  );
  const [copied, setCopied] = useState(false);
  const grouped = setup.secretBase32.replace(/(.{4})/g, "$1 ").trim();
  return (
    <form
      onSubmit={submit}
      noValidate
      className="grid gap-5 rounded-lg border bg-muted/30 p-4 sm:grid-cols-[auto_1fr] sm:p-5"
    >
      {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made by the server */}
      <img
        src={setup.qrCodeDataUrl}
        alt={t.account.twoFactor.qrAlt}
        width={176}
        height={176}
        className="size-44 rounded-md border bg-white p-1"
        data-testid="totp-qr"
      />
      <div className="grid content-start gap-4">
        <p className="text-sm">{t.account.twoFactor.scan}</p>
        <div className="grid gap-1.5">
          <p className="text-[0.8125rem] text-muted-foreground" id="totp-secret-label">
            {t.account.twoFactor.manual}
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <code
              aria-labelledby="totp-secret-label"
              data-testid="totp-secret"
              data-secret={setup.secretBase32}
              className="rounded-md border bg-card px-2 py-1 font-mono text-[0.8125rem] break-all select-all"
            >
              {grouped}
            </code>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => {
                void navigator.clipboard?.writeText(setup.secretBase32).then(() => setCopied(true));
              }}
            >
              {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
              {copied ? t.common.copied : t.common.copy}
            </Button>
          </div>
        </div>
        <TotpCodeField form={form} error={codeError} describedBy={t.account.twoFactor.codeDescription} />
        <FormActions
          pending={enable.isPending}
          onCancel={onClose}
          error={rootError}
          saveLabel={t.account.twoFactor.enable}
          testId="totp-enable"
        />
      </div>
    </form>
  );
}

function DisableForm({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const setMe = useSetMe();
  const toast = useToast();
  const refreshStatus = useRefreshRecoveryStatus();
  const disable = useMutation(
    trpc.me.totp.disable.mutationOptions({
      onSuccess: (user) => {
        setMe(user);
        void refreshStatus();
      },
    }),
  );
  const { form, submit, codeError, rootError } = useCodeForm(
    (code) => disable.mutateAsync({ code }),
    () => {
      toast(t.account.twoFactor.disabled);
      onClose();
    },
  );
  return (
    <form onSubmit={submit} noValidate className="grid max-w-xl gap-4 rounded-lg border bg-muted/30 p-4 sm:p-5">
      <TotpCodeField form={form} error={codeError} describedBy={t.account.twoFactor.disableDescription} />
      <FormActions
        pending={disable.isPending}
        onCancel={onClose}
        error={rootError}
        saveLabel={t.account.twoFactor.disable}
        testId="totp-disable"
      />
    </form>
  );
}
