"use client";

import type { FormEvent, ReactNode } from "react";

import { useI18n } from "@/i18n/provider";

import { cancelOnEscape } from "./cancel-on-escape";
import { FormActions } from "./editable-row";

/** What an inline editor's form needs of `useUpdateForm`'s result. */
export interface InlineEditor {
  form: { formState: { isDirty: boolean } };
  submit: (event?: FormEvent) => void;
  pending: boolean;
  rootError: string | undefined;
}

/**
 * A settings row's edit form: its fields, then Save and Cancel (Save once something changed);
 * Escape cancels, asking first when there are unsaved edits. `aside` sits left of the actions.
 */
export function InlineEditForm({
  editor,
  onClose,
  saveLabel,
  aside,
  children,
}: {
  editor: InlineEditor;
  onClose: () => void;
  saveLabel?: string;
  aside?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const dirty = editor.form.formState.isDirty;
  const actions = (
    <FormActions
      pending={editor.pending}
      onCancel={onClose}
      error={editor.rootError}
      canSave={dirty}
      saveLabel={saveLabel}
    />
  );
  return (
    <form
      onSubmit={editor.submit}
      onKeyDown={cancelOnEscape(onClose, dirty && t.common.discardChanges)}
      noValidate
      className="grid gap-4"
    >
      {children}
      {aside ? (
        <div className="flex flex-wrap items-start justify-between gap-3">
          {aside}
          {actions}
        </div>
      ) : (
        actions
      )}
    </form>
  );
}
