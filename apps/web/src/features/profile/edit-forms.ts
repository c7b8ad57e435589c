/** The profile rows' edit forms, one chunk loaded on demand by ./lazy-forms. */
export { UserMetadataForm } from "./metadata-form";
export { LocaleForm } from "./locale-form";
export { LocationForm } from "./location-form";
export { BioForm, BirthdateForm, DisplayNameForm, FullNameForm } from "./text-forms";
export { UsernameForm } from "./username-form";
