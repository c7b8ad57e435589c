import type { FieldLabels, LabelEntry } from "./labels";

const METADATA: LabelEntry = { text: "Les métadonnées", feminine: true, plural: true, expects: "un objet JSON" };
/** `english`: the field's English name, which the French label of its entries quotes. */
const tags = (text: string, english: string): LabelEntry => ({
  text,
  feminine: true,
  plural: true,
  expects: "une liste de chaînes",
  items: { text: `Les entrées de « ${english} »`, feminine: true, plural: true, expects: "des chaînes" },
});

/** The French label of every field a problem can be about (the fields of ./labels-en.ts). */
export const LABELS_FR: FieldLabels = {
  displayName: { text: "Le nom affiché" },
  firstName: { text: "Le prénom" },
  lastName: { text: "Le nom" },
  username: { text: "Le nom d’utilisateur" },
  avatarUrl: { text: "L’image", feminine: true, expects: "une URL" },
  bio: { text: "La bio", feminine: true },
  birthdate: { text: "La date de naissance", feminine: true, expects: "une date (AAAA-MM-JJ)" },
  location: {
    text: "La position",
    feminine: true,
    expects: "un objet avec longitude et latitude",
    children: {
      longitude: { text: "La longitude", feminine: true },
      latitude: { text: "La latitude", feminine: true },
    },
  },
  locale: { text: "La langue", feminine: true },
  featureFlags: tags("Les fonctionnalités", "Feature flags"),
  notifications: tags("Les notifications", "Notifications"),
  expoPushToken: { text: "Le jeton Expo" },
  selectedTeamId: { text: "L’identifiant d’équipe" },
  userMetadata: METADATA,
  userMetadataPatch: METADATA,
  appMetadata: METADATA,
  serverMetadata: METADATA,
  secureMetadata: METADATA,
  email: { text: "L’adresse e-mail", feminine: true },
  password: { text: "Le mot de passe" },
  currentPassword: { text: "Le mot de passe actuel" },
  passwordHash: { text: "L’empreinte du mot de passe", feminine: true },
  totpSecretBase64: { text: "Le secret TOTP", expects: "une chaîne base64" },
  emailVerified: { text: "La vérification de l’adresse" },
  emailAuthEnabled: { text: "La connexion par e-mail" },
  signOutOtherSessions: { text: "La déconnexion des autres appareils" },
  confirmation: { text: "La confirmation", feminine: true },
  code: { text: "Le code de double authentification" },
  recoveryCode: { text: "Le code de récupération" },
  name: { text: "Le nom" },
  projectId: { text: "L’identifiant de projet" },
};
