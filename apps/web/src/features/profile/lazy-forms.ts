"use client";

import { lazyComponent } from "../settings/lazy-component";

/**
 * The profile rows' edit forms (react-hook-form and each form's code), outside the page's first
 * load: ./edit-forms is fetched once the page has hydrated (`preloadEditForms`), or sooner when
 * the pointer reaches an Edit button or it gets focus (`EditableRow`); a form opens once it is here.
 */
const editForms = () => import("./edit-forms");

export const DisplayNameForm = lazyComponent(() => editForms().then((forms) => forms.DisplayNameForm));
export const FullNameForm = lazyComponent(() => editForms().then((forms) => forms.FullNameForm));
export const BioForm = lazyComponent(() => editForms().then((forms) => forms.BioForm));
export const BirthdateForm = lazyComponent(() => editForms().then((forms) => forms.BirthdateForm));
export const UsernameForm = lazyComponent(() => editForms().then((forms) => forms.UsernameForm));
export const LocationForm = lazyComponent(() => editForms().then((forms) => forms.LocationForm));
export const LocaleForm = lazyComponent(() => editForms().then((forms) => forms.LocaleForm));
export const UserMetadataForm = lazyComponent(() => editForms().then((forms) => forms.UserMetadataForm));

const ALL = [
  DisplayNameForm,
  FullNameForm,
  BioForm,
  BirthdateForm,
  UsernameForm,
  LocationForm,
  LocaleForm,
  UserMetadataForm,
];

/** Fetches every form in the background (a failure is retried when an Edit button is reached). */
export function preloadEditForms() {
  for (const form of ALL) form.preload().catch(() => undefined);
}
