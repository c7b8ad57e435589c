"use client";

import { LocateFixed } from "lucide-react";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Field, fieldInputProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { useI18n } from "@/i18n/provider";

import { InlineEditForm } from "../settings/inline-edit-form";
import { useUpdateForm } from "../settings/use-update-form";
import { formSchemas } from "./form-schemas-loader";

/* The location row's edit form (./location-row), loaded on demand through ./lazy-forms. */

export function LocationForm({
  initial,
  onClose,
}: {
  initial: { latitude: number; longitude: number } | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const editor = useUpdateForm({
    schema: () => formSchemas().then((schemas) => schemas.locationForm(t)),
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
  const { form, errorOf } = editor;
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
    <InlineEditForm editor={editor} onClose={onClose}>
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
    </InlineEditForm>
  );
}
