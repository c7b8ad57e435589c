import type { Locale } from "../form-checks";

/** A field as a problem's wording names it. */
export interface FieldLabel {
  /** The canonical field the problem is about (the head of its path). */
  key: string;
  /** "Display name" / "Le nom affiché". */
  text: string;
  /** French agreement. */
  feminine?: boolean;
  plural?: boolean;
  /** What a value of the wrong type should have been ("a URL string"), when more precise than the type. */
  expects?: string;
}

interface LabelEntry {
  /** `null`: the field has no human label; it is named as the reader's API spells it. */
  en: string | null;
  fr: string;
  feminine?: boolean;
  plural?: boolean;
  expects?: { en: string; fr: string };
  /** The label of one entry of a list (`featureFlags.3`). */
  items?: LabelEntry;
  /** Labels of an object's own fields (`location.longitude`). */
  children?: Record<string, LabelEntry>;
}

const METADATA: LabelEntry = {
  en: "Metadata",
  fr: "Les métadonnées",
  feminine: true,
  plural: true,
  expects: { en: "a JSON object", fr: "un objet JSON" },
};
const tags = (en: string, fr: string): LabelEntry => ({
  en,
  fr,
  feminine: true,
  plural: true,
  expects: { en: "an array of strings", fr: "une liste de chaînes" },
  items: {
    en: `${en} entries`,
    fr: `Les entrées de « ${en} »`,
    feminine: true,
    plural: true,
    expects: { en: "strings", fr: "des chaînes" },
  },
});
const unnamed = (fr: string): LabelEntry => ({ en: null, fr });

/**
 * The label of every field a problem can be about: canonical user fields, their companions, and
 * the fields of the auth and admin inputs. A field missing here is named by its key.
 */
const LABELS: Record<string, LabelEntry> = {
  displayName: { en: "Display name", fr: "Le nom affiché" },
  firstName: { en: "First name", fr: "Le prénom" },
  lastName: { en: "Last name", fr: "Le nom" },
  username: { en: "Username", fr: "Le nom d’utilisateur" },
  avatarUrl: { en: "Image", fr: "L’image", feminine: true, expects: { en: "a URL string", fr: "une URL" } },
  bio: { en: "Bio", fr: "La bio", feminine: true },
  birthdate: {
    en: "Birthdate",
    fr: "La date de naissance",
    feminine: true,
    expects: { en: "an ISO date string (YYYY-MM-DD)", fr: "une date (AAAA-MM-JJ)" },
  },
  location: {
    en: "Location",
    fr: "La position",
    feminine: true,
    expects: { en: "an object with longitude and latitude", fr: "un objet avec longitude et latitude" },
    children: {
      longitude: { en: "Longitude", fr: "La longitude", feminine: true },
      latitude: { en: "Latitude", fr: "La latitude", feminine: true },
    },
  },
  locale: { en: "Locale", fr: "La langue", feminine: true },
  featureFlags: tags("Feature flags", "Les fonctionnalités"),
  notifications: tags("Notifications", "Les notifications"),
  expoPushToken: { en: "Expo push token", fr: "Le jeton Expo" },
  selectedTeamId: { en: "Team id", fr: "L’identifiant d’équipe" },
  userMetadata: METADATA,
  userMetadataPatch: METADATA,
  appMetadata: METADATA,
  serverMetadata: METADATA,
  secureMetadata: METADATA,
  email: { en: "Email", fr: "L’adresse e-mail", feminine: true },
  password: { en: "Password", fr: "Le mot de passe" },
  currentPassword: { en: "Current password", fr: "Le mot de passe actuel" },
  passwordHash: { en: "Password hash", fr: "L’empreinte du mot de passe", feminine: true },
  totpSecretBase64: {
    en: "TOTP secret",
    fr: "Le secret TOTP",
    expects: { en: "a base64 string", fr: "une chaîne base64" },
  },
  emailVerified: unnamed("La vérification de l’adresse"),
  emailAuthEnabled: unnamed("La connexion par e-mail"),
  signOutOtherSessions: unnamed("La déconnexion des autres appareils"),
  confirmation: { en: "The confirmation", fr: "La confirmation", feminine: true },
  code: { en: "The two-factor code", fr: "Le code de double authentification" },
  recoveryCode: { en: "The recovery code", fr: "Le code de récupération" },
  name: { en: "Name", fr: "Le nom" },
  projectId: unnamed("L’identifiant de projet"),
};

const NUMBER = /^\d+$/;

function entryOf(path: string): LabelEntry | undefined {
  const [head = "", ...rest] = path.split(".");
  let entry = Object.hasOwn(LABELS, head) ? LABELS[head] : undefined;
  for (const segment of rest) {
    if (!entry) return undefined;
    entry = NUMBER.test(segment) ? entry.items : entry.children?.[segment];
  }
  return entry;
}

/**
 * The label of the field at `path` (`location.latitude`, `featureFlags.2`), in `locale`. Fields
 * without a human label are named by `name(key)`: their key as the reader's API spells it.
 */
export function fieldLabel(
  path: string,
  locale: Locale,
  name: (field: string) => string = (field) => field,
): FieldLabel {
  const key = path.split(".")[0] ?? "";
  const entry = entryOf(path);
  const last = path.split(".").at(-1) ?? "";
  const fallback = name(NUMBER.test(last) || !entry ? key : last);
  const text = (locale === "fr" ? entry?.fr : entry?.en) ?? fallback;
  const expects = entry?.expects?.[locale];
  return {
    key,
    text: text || fallback,
    ...(entry?.feminine && { feminine: true }),
    ...(entry?.plural && { plural: true }),
    ...(expects && { expects }),
  };
}
