"use client";

import { locationSchema } from "@profilehub/validators";
import { LocateFixed } from "lucide-react";
import { useMemo, useState } from "react";
import { z } from "zod";

import { Button } from "@/components/ui/button";
import { Field, fieldInputProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import type { Messages } from "@/i18n";
import { useI18n } from "@/i18n/provider";

import { EditableRow, FormActions, NotSet } from "../settings/editable-row";
import { useMe } from "../settings/me";
import { useUpdateForm } from "../settings/use-update-form";
import { cancelOnEscape } from "./text-rows";

/** Two text inputs → `{longitude, latitude}` checked by the shared schema, or `null` when both are empty. */
function locationForm(t: Messages) {
  // A decimal comma (French "48,8566") is a decimal point: coordinates have no thousands separator.
  const coordinate = z
    .string()
    .trim()
    .transform((value) => value.replace(",", "."));
  return z.object({
    location: z
      .object({ latitude: coordinate, longitude: coordinate })
      .superRefine((value, ctx) => {
        const empty = [value.latitude === "", value.longitude === ""];
        if (empty[0] !== empty[1]) {
          const path = empty[0] ? "latitude" : "longitude";
          ctx.addIssue({ code: "custom", path: [path], message: t.profile.location.bothRequired });
        }
        for (const key of ["latitude", "longitude"] as const) {
          if (value[key] !== "" && !Number.isFinite(Number(value[key]))) {
            ctx.addIssue({ code: "custom", path: [key], message: t.profile.location.notANumber });
          }
        }
      })
      .transform((value) =>
        value.latitude === "" && value.longitude === ""
          ? null
          : { longitude: Number(value.longitude), latitude: Number(value.latitude) },
      )
      .pipe(locationSchema.nullable()),
  });
}

export function LocationRow() {
  const user = useMe();
  const { t, format } = useI18n();
  const [editing, setEditing] = useState(false);
  const value = user.location ? (
    <span className="tabular-nums">
      {format.coordinate(user.location.latitude)}°, {format.coordinate(user.location.longitude)}°{" "}
      <span className="text-muted-foreground">
        ({t.profile.location.latitude.toLowerCase()}, {t.profile.location.longitude.toLowerCase()})
      </span>
    </span>
  ) : (
    <NotSet />
  );
  return (
    <EditableRow
      id="location"
      label={t.profile.location.label}
      value={value}
      editing={editing}
      onEdit={() => setEditing(true)}
    >
      <LocationForm initial={user.location} onClose={() => setEditing(false)} />
    </EditableRow>
  );
}

function LocationForm({
  initial,
  onClose,
}: {
  initial: { latitude: number; longitude: number } | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const schema = useMemo(() => locationForm(t), [t]);
  const { form, submit, pending, rootError, errorOf } = useUpdateForm({
    schema,
    defaultValues: {
      location: {
        latitude: initial ? String(initial.latitude) : "",
        longitude: initial ? String(initial.longitude) : "",
      },
    },
    toUpdate: (values) => ({ location: values.location }),
    savedMessage: t.common.saved(t.profile.location.label),
    onSaved: onClose,
  });
  const [locating, setLocating] = useState(false);
  const [geoError, setGeoError] = useState<string | null>(null);
  const locateMe = () => {
    setGeoError(null);
    if (!("geolocation" in navigator)) {
      setGeoError(t.profile.location.unsupported);
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        const round = (value: number) => String(Math.round(value * 1e5) / 1e5);
        form.setValue("location.latitude", round(position.coords.latitude), { shouldDirty: true });
        form.setValue("location.longitude", round(position.coords.longitude), { shouldDirty: true });
        form.clearErrors(); // the errors were about the values just replaced
      },
      (failure) => {
        setLocating(false);
        setGeoError(failure.code === failure.PERMISSION_DENIED ? t.profile.location.denied : t.profile.location.failed);
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 60_000 },
    );
  };
  const latitudeError = errorOf("location.latitude") ?? errorOf("location");
  const longitudeError = errorOf("location.longitude");
  return (
    <form
      onSubmit={submit}
      onKeyDown={cancelOnEscape(onClose, form.formState.isDirty && t.common.discardChanges)}
      noValidate
      className="grid gap-4"
    >
      <p className="text-[0.8125rem] text-muted-foreground">{t.profile.location.description}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="latitude" label={t.profile.location.latitude} error={latitudeError}>
          <Input
            {...fieldInputProps("latitude", latitudeError)}
            inputMode="decimal"
            autoFocus
            placeholder="48.8566"
            {...form.register("location.latitude")}
          />
        </Field>
        <Field id="longitude" label={t.profile.location.longitude} error={longitudeError}>
          <Input
            {...fieldInputProps("longitude", longitudeError)}
            inputMode="decimal"
            placeholder="2.3522"
            {...form.register("location.longitude")}
          />
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="outline" size="sm" onClick={locateMe} disabled={locating}>
          {locating ? <Spinner /> : <LocateFixed aria-hidden />}
          {locating ? t.profile.location.locating : t.profile.location.useMine}
        </Button>
        <p aria-live="polite" className="text-[0.8125rem] text-destructive">
          {geoError}
        </p>
      </div>
      <FormActions pending={pending} onCancel={onClose} error={rootError} canSave={form.formState.isDirty} />
    </form>
  );
}
