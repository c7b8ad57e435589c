"use client";

import { sanitizeUsername } from "@profilehub/validators";
import { useQuery } from "@tanstack/react-query";
import { AtSign, CircleAlert, CircleCheck } from "lucide-react";
import { useEffect, useState } from "react";

import { Field, fieldInputProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { useI18n } from "@/i18n/provider";
import { routerError } from "@/trpc/errors";
import { useTRPCClient } from "@/trpc/react";

import { InlineEditForm } from "../settings/inline-edit-form";
import { useUpdateForm } from "../settings/use-update-form";
import { formSchemas } from "./form-schemas-loader";

/* The username row's edit form (./username-row), loaded on demand through ./lazy-forms. */

function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

type Availability =
  | { state: "idle" }
  | { state: "current" }
  | { state: "checking" }
  | { state: "available"; value: string }
  | { state: "invalid"; message: string };

/**
 * Asks the router (`me.validateUpdate`, which writes nothing) whether the username would be
 * accepted — the same rules and the same "taken" check as a save — a moment after typing stops.
 */
function useAvailability(raw: string, current: string | null): Availability {
  const client = useTRPCClient();
  const { problem } = useI18n();
  const candidate = sanitizeUsername(raw);
  const settled = useDebounced(candidate, 350);
  const enabled = candidate !== "" && candidate !== current && settled === candidate;
  const check = useQuery({
    queryKey: ["username-availability", settled],
    queryFn: async () => {
      try {
        await client.me.validateUpdate.mutate({ username: settled });
        return { ok: true as const };
      } catch (error) {
        const found = routerError(error).issues.find((item) => item.path === "username");
        if (found) return { ok: false as const, issue: found };
        throw error;
      }
    },
    enabled,
    retry: false,
    staleTime: 30_000,
  });
  if (candidate === "") return { state: "idle" };
  if (candidate === current) return { state: "current" };
  if (!enabled || check.isFetching) return { state: "checking" };
  if (check.data?.ok) return { state: "available", value: candidate };
  if (check.data) return { state: "invalid", message: problem(check.data.issue) };
  return { state: "idle" };
}

export function UsernameForm({ current, onClose }: { current: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const editor = useUpdateForm({
    schema: () => formSchemas().then((schemas) => schemas.usernameForm),
    defaultValues: { username: current ?? "" },
    toUpdate: (values) => ({ username: values.username }),
    savedMessage: t.common.saved(t.profile.username.label),
    onSaved: onClose,
  });
  const { form, errorOf } = editor;
  const raw = form.watch("username");
  const availability = useAvailability(raw, current);
  const sanitized = sanitizeUsername(raw);
  const error = errorOf("username");
  return (
    <InlineEditForm editor={editor} onClose={onClose}>
      <Field
        id="username"
        label={t.profile.username.label}
        hideLabel
        description={t.profile.username.description}
        error={error}
      >
        <div className="relative">
          <AtSign
            aria-hidden
            className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
          />
          <Input
            {...fieldInputProps("username", error, true)}
            aria-describedby={["username-description", "username-status", error ? "username-error" : ""]
              .join(" ")
              .trim()}
            // The live "taken"/invalid answer is an error too, before any submit.
            aria-invalid={error || availability.state === "invalid" ? true : undefined}
            className="pl-9"
            autoFocus
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            autoComplete="username"
            {...form.register("username")}
          />
        </div>
      </Field>
      <div
        id="username-status"
        aria-live="polite"
        data-testid="username-status"
        className="-mt-2 grid gap-1 text-[0.8125rem]"
      >
        {sanitized !== "" && sanitized !== raw.trim() ? (
          <p className="text-muted-foreground" data-testid="username-sanitized">
            {t.profile.username.savedAs(sanitized)}
          </p>
        ) : null}
        {error ? null : <AvailabilityLine availability={availability} />}
      </div>
    </InlineEditForm>
  );
}

function AvailabilityLine({ availability }: { availability: Availability }) {
  const { t } = useI18n();
  switch (availability.state) {
    case "checking":
      return (
        <p className="flex items-center gap-1.5 text-muted-foreground">
          <Spinner className="size-3.5" /> {t.profile.username.checking}
        </p>
      );
    case "available":
      return (
        <p className="flex items-center gap-1.5 text-success" data-testid="username-available">
          <CircleCheck aria-hidden className="size-3.5" /> {t.profile.username.available(availability.value)}
        </p>
      );
    case "invalid":
      return (
        <p className="flex items-center gap-1.5 font-medium text-destructive" data-testid="username-invalid">
          <CircleAlert aria-hidden className="size-3.5" /> {availability.message}
        </p>
      );
    case "current":
      return <p className="text-muted-foreground">{t.profile.username.current}</p>;
    default:
      return null;
  }
}
