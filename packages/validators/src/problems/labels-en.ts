import type { FieldLabels, LabelEntry } from "./labels";

const METADATA: LabelEntry = { text: "Metadata", feminine: true, plural: true, expects: "a JSON object" };
const tags = (text: string): LabelEntry => ({
  text,
  feminine: true,
  plural: true,
  expects: "an array of strings",
  items: { text: `${text} entries`, feminine: true, plural: true, expects: "strings" },
});
const unnamed: LabelEntry = { text: null };

/** The English label of every field a problem can be about (French: ./labels-fr.ts). */
export const LABELS_EN: FieldLabels = {
  displayName: { text: "Display name" },
  firstName: { text: "First name" },
  lastName: { text: "Last name" },
  username: { text: "Username" },
  avatarUrl: { text: "Image", feminine: true, expects: "a URL string" },
  bio: { text: "Bio", feminine: true },
  birthdate: { text: "Birthdate", feminine: true, expects: "an ISO date string (YYYY-MM-DD)" },
  location: {
    text: "Location",
    feminine: true,
    expects: "an object with longitude and latitude",
    children: {
      longitude: { text: "Longitude", feminine: true },
      latitude: { text: "Latitude", feminine: true },
    },
  },
  locale: { text: "Locale", feminine: true },
  featureFlags: tags("Feature flags"),
  notifications: tags("Notifications"),
  expoPushToken: { text: "Expo push token" },
  selectedTeamId: { text: "Team id" },
  userMetadata: METADATA,
  userMetadataPatch: METADATA,
  appMetadata: METADATA,
  serverMetadata: METADATA,
  secureMetadata: METADATA,
  email: { text: "Email", feminine: true },
  password: { text: "Password" },
  currentPassword: { text: "Current password" },
  passwordHash: { text: "Password hash", feminine: true },
  totpSecretBase64: { text: "TOTP secret", expects: "a base64 string" },
  emailVerified: unnamed,
  emailAuthEnabled: unnamed,
  signOutOtherSessions: unnamed,
  confirmation: { text: "The confirmation", feminine: true },
  code: { text: "The two-factor code" },
  recoveryCode: { text: "The recovery code" },
  name: { text: "Name" },
  projectId: unnamed,
};
