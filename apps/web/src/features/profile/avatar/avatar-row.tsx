"use client";

import { ImageUp, Trash2 } from "lucide-react";
import dynamic from "next/dynamic";
import { useRef, useState } from "react";

import { useToast } from "@/components/toaster";
import { Avatar, AvatarFallback, AvatarImage } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { useI18n } from "@/i18n/provider";
import { routerError } from "@/trpc/errors";

import { failureMessage } from "../../settings/failure";
import { useMe, useUpdateMe } from "../../settings/me";
import { useUnsavedGuard } from "../../settings/unsaved-changes";
import { initialsOf } from "../../settings/user-menu";
import type { EncodedAvatar } from "./encode";

// The cropper (canvas work, the dialog) loads only when a photo is picked.
const AvatarCropper = dynamic(() => import("./cropper").then((module) => module.AvatarCropper), { ssr: false });

/** Pick → crop → compress (in the browser) → preview → save; or remove the photo. */
export function AvatarRow() {
  const user = useMe();
  const { t, problem, refusal, format } = useI18n();
  const toast = useToast();
  const update = useUpdateMe();
  const input = useRef<HTMLInputElement>(null);
  const pickButton = useRef<HTMLButtonElement>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [pending, setPending] = useState<EncodedAvatar | null>(null);
  const [error, setError] = useState<string | null>(null);
  useUnsavedGuard(pending !== null);

  const save = () => {
    if (!pending) return;
    setError(null);
    update.mutate(
      { avatarUrl: pending.dataUrl },
      {
        onSuccess: () => {
          setPending(null);
          toast(t.common.saved(t.profile.avatar.label));
        },
        onError: (failure) => {
          const found = routerError(failure).issues.find((item) => item.path === "avatarUrl");
          setError(found ? problem(found) : failureMessage(failure, t, refusal));
        },
      },
    );
  };
  const remove = () => {
    setError(null);
    update.mutate(
      { avatarUrl: null },
      {
        onSuccess: () => toast(t.profile.avatar.removed),
        onError: (failure) => setError(failureMessage(failure, t, refusal)),
      },
    );
  };
  const shown = pending?.dataUrl ?? user.avatarUrl;
  return (
    <div data-testid="row-avatar" className="grid gap-x-6 gap-y-3 py-4 first:pt-0 last:pb-0 sm:grid-cols-[11rem_1fr]">
      <div className="pt-1.5 text-sm font-medium">{t.profile.avatar.label}</div>
      <div className="flex flex-wrap items-center gap-4">
        <Avatar className="size-16 ring-1 ring-border">
          {shown ? (
            <AvatarImage
              src={shown}
              alt={pending ? t.profile.avatar.previewAlt : t.profile.avatar.alt}
              data-testid="avatar-image"
            />
          ) : null}
          <AvatarFallback className="text-lg" data-testid="avatar-initials">
            {initialsOf(user)}
          </AvatarFallback>
        </Avatar>
        <div className="grid min-w-0 flex-1 gap-2">
          {pending ? (
            <p className="text-[0.8125rem] text-muted-foreground" data-testid="avatar-pending">
              {t.profile.avatar.pendingHint(
                t.profile.avatar.details(format.number(pending.bytes / 1024), pending.size),
              )}
            </p>
          ) : (
            <p className="text-[0.8125rem] text-muted-foreground">{t.profile.avatar.description}</p>
          )}
          <div className="flex flex-wrap gap-2">
            {pending ? (
              <>
                <Button ref={saveButton} size="sm" onClick={save} disabled={update.isPending} data-testid="avatar-save">
                  {update.isPending ? t.common.saving : t.common.save}
                </Button>
                <Button size="sm" variant="outline" onClick={() => setPending(null)} disabled={update.isPending}>
                  {t.common.cancel}
                </Button>
              </>
            ) : (
              <>
                <Button
                  ref={pickButton}
                  size="sm"
                  variant="outline"
                  onClick={() => input.current?.click()}
                  disabled={update.isPending}
                  data-testid="avatar-pick"
                >
                  <ImageUp aria-hidden />
                  {user.avatarUrl ? t.profile.avatar.change : t.profile.avatar.upload}
                </Button>
                {user.avatarUrl ? (
                  <Button size="sm" variant="ghost" onClick={remove} disabled={update.isPending}>
                    <Trash2 aria-hidden />
                    {t.profile.avatar.remove}
                  </Button>
                ) : null}
              </>
            )}
          </div>
          {error ? (
            <p role="alert" className="text-[0.8125rem] font-medium text-destructive">
              {error}
            </p>
          ) : null}
        </div>
        <input
          ref={input}
          type="file"
          accept="image/*"
          tabIndex={-1}
          aria-label={t.profile.avatar.upload}
          data-testid="avatar-file"
          className="sr-only"
          onChange={(event) => {
            const picked = event.target.files?.[0] ?? null;
            event.target.value = "";
            setError(null);
            setFile(picked);
          }}
        />
      </div>
      {file ? (
        <AvatarCropper
          file={file}
          onCancel={() => setFile(null)}
          // Back to "Change photo" (or, with a cropped photo waiting, to its "Save"): never <body>.
          onClosed={() => (saveButton.current ?? pickButton.current)?.focus()}
          onDone={(avatar) => {
            setFile(null);
            setPending(avatar);
          }}
        />
      ) : null}
    </div>
  );
}
