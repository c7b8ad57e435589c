"use client";

import { MailCheck, MailWarning } from "lucide-react";
import { useState } from "react";

import { useToast } from "@/components/toaster";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, fieldInputProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useI18n } from "@/i18n/provider";

import { EditableRow } from "../settings/editable-row";
import { failureMessage } from "../settings/failure";
import { InlineEditForm } from "../settings/inline-edit-form";
import { useMe, useUpdateMe } from "../settings/me";
import { SettingsSection } from "../settings/section";
import { useUpdateForm } from "../settings/use-update-form";
import { accountSchemas } from "./form-schemas-loader";
import { MailboxHint } from "./mailbox-hint";
import { VerifyAddressBanner } from "./resend-verification";

/** The sign-in address; a change waits for the mailed link (a banner offers resend and cancel). */
export function EmailSection({ showMailbox }: { showMailbox: boolean }) {
  const user = useMe();
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  return (
    <SettingsSection title={t.account.email.title} description={t.account.email.description} testId="section-email">
      {user.pendingEmail ? (
        <PendingBanner pending={user.pendingEmail} current={user.email} showMailbox={showMailbox} />
      ) : user.emailVerified ? null : (
        <VerifyAddressBanner email={user.email} showMailbox={showMailbox} />
      )}
      <EditableRow
        id="email"
        label={t.account.email.title}
        editLabel={t.account.email.change}
        value={
          <span className="flex flex-wrap items-center gap-2">
            <span data-testid="current-email">{user.email}</span>
            {user.emailVerified ? (
              <Badge variant="success">
                <MailCheck aria-hidden /> {t.account.email.verified}
              </Badge>
            ) : (
              <Badge variant="warning">
                <MailWarning aria-hidden /> {t.account.email.unverified}
              </Badge>
            )}
          </span>
        }
        editing={editing}
        onEdit={() => setEditing(true)}
      >
        <EmailForm onClose={() => setEditing(false)} />
      </EditableRow>
    </SettingsSection>
  );
}

function EmailForm({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const user = useMe();
  const editor = useUpdateForm({
    schema: () => accountSchemas().then((schemas) => schemas.emailForm(user.email, t.account.email.unchanged)),
    defaultValues: { email: "" },
    toUpdate: (values) => ({ email: values.email }),
    savedMessage: (values) => t.account.email.linkSent(values.email),
    onSaved: onClose,
  });
  const { form, errorOf } = editor;
  const error = errorOf("email");
  return (
    <InlineEditForm editor={editor} onClose={onClose} saveLabel={t.account.email.submit}>
      <Field id="new-email" label={t.account.email.newLabel} description={t.account.email.newDescription} error={error}>
        <Input
          {...fieldInputProps("new-email", error, true)}
          type="email"
          autoFocus
          autoComplete="email"
          {...form.register("email")}
        />
      </Field>
    </InlineEditForm>
  );
}

function PendingBanner({ pending, current, showMailbox }: { pending: string; current: string; showMailbox: boolean }) {
  const { t, refusal } = useI18n();
  const toast = useToast();
  const update = useUpdateMe();
  const [error, setError] = useState<string | null>(null);
  const run = (email: string, done: string) => {
    setError(null);
    update.mutate(
      { email },
      { onSuccess: () => toast(done), onError: (failure) => setError(failureMessage(failure, t, refusal)) },
    );
  };
  return (
    <div className="pb-4">
      <Alert variant="warning" data-testid="pending-email-banner">
        <MailWarning aria-hidden />
        <AlertTitle>{t.account.email.pendingTitle}</AlertTitle>
        <AlertDescription>
          <p>{t.account.email.pendingBody(pending)}</p>
          <MailboxHint show={showMailbox} />
          <div className="mt-2 flex flex-wrap gap-2">
            <Button
              size="sm"
              variant="outline"
              disabled={update.isPending}
              onClick={() => run(pending, t.account.email.resent)}
            >
              {t.account.email.resend}
            </Button>
            <Button
              size="sm"
              variant="ghost"
              disabled={update.isPending}
              onClick={() => run(current, t.account.email.cancelled)}
            >
              {t.account.email.cancelChange}
            </Button>
          </div>
          {error ? (
            <p role="alert" className="font-medium text-destructive">
              {error}
            </p>
          ) : null}
        </AlertDescription>
      </Alert>
    </div>
  );
}
