"use client";

import { Pencil } from "lucide-react";
import { type ReactNode, useEffect, useRef, useState } from "react";

import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/use-hydrated";
import { useI18n } from "@/i18n/provider";
import { cn } from "@/lib/utils";

import { type Preloadable, useWhenLoaded } from "./lazy-component";

/**
 * One field of a settings card, Clerk-style: its label, its current value and an "Edit" button;
 * while editing, the form takes the value's place. Focus moves into the form when it opens and
 * back to the button when it closes. A form loaded on demand (`form`, see ./lazy-component) is fetched
 * when the pointer reaches the button or the button gets focus, and opens once it is here (the
 * button is `aria-busy` while a press waits for it).
 */
export function EditableRow({
  id,
  label,
  value,
  editing,
  onEdit,
  children,
  editLabel,
  extraActions,
  form,
}: {
  id: string;
  label: string;
  value: ReactNode;
  editing: boolean;
  onEdit: () => void;
  children: ReactNode;
  editLabel?: string;
  extraActions?: ReactNode;
  form?: Preloadable;
}) {
  const { t } = useI18n();
  const whenLoaded = useWhenLoaded();
  const button = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(editing);
  useEffect(() => {
    if (wasEditing.current && !editing) button.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  const [opening, setOpening] = useState(false);
  const preload = () => void form?.preload().catch(() => undefined);
  const edit = () => (form ? whenLoaded(form, onEdit, setOpening) : onEdit());
  return (
    <div data-testid={`row-${id}`} className="grid gap-x-6 gap-y-2 py-4 first:pt-0 last:pb-0 sm:grid-cols-[11rem_1fr]">
      <div id={`${id}-label`} className="pt-1.5 text-sm font-medium">
        {label}
      </div>
      {editing ? (
        <div className="min-w-0">{children}</div>
      ) : (
        <div className="flex min-w-0 items-start justify-between gap-3">
          <div className={cn("min-w-0 pt-1.5 text-sm break-words")} data-testid={`value-${id}`}>
            {value}
          </div>
          <div className="flex shrink-0 items-center gap-1">
            {extraActions}
            <Button
              ref={button}
              variant="ghost"
              size="sm"
              onClick={edit}
              onPointerEnter={preload}
              onFocus={preload}
              aria-label={editLabel ?? t.common.editField(label)}
              aria-busy={opening || undefined}
              className={opening ? "cursor-progress" : undefined}
              data-testid={`edit-${id}`}
            >
              <Pencil aria-hidden className="size-3.5" />
              <span className="hidden sm:inline">{t.common.edit}</span>
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}

/** Shown instead of an empty value. */
export function NotSet() {
  const { t } = useI18n();
  return <span className="text-muted-foreground italic">{t.common.notSet}</span>;
}

/** The Save / Cancel pair at the bottom of an inline form, with the form-wide error above it. */
export function FormActions({
  pending,
  onCancel,
  error,
  saveLabel,
  canSave = true,
  testId,
}: {
  pending: boolean;
  onCancel?: () => void;
  error?: string | undefined;
  saveLabel?: string;
  canSave?: boolean;
  testId?: string;
}) {
  const { t } = useI18n();
  const hydrated = useHydrated();
  return (
    <div className="grid gap-3">
      {error ? (
        <p
          role="alert"
          className="text-[0.8125rem] font-medium text-destructive"
          data-testid={testId ? `${testId}-error` : undefined}
        >
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center justify-end gap-2">
        {onCancel ? (
          <Button variant="outline" size="sm" onClick={onCancel} disabled={pending}>
            {t.common.cancel}
          </Button>
        ) : null}
        <Button
          type="submit"
          size="sm"
          disabled={pending || !canSave || !hydrated}
          aria-busy={pending || undefined}
          data-testid={testId ? `${testId}-save` : undefined}
        >
          {pending ? t.common.saving : (saveLabel ?? t.common.save)}
        </Button>
      </div>
    </div>
  );
}
