import { enDeleteAccount } from "./en-delete-account";
import { enSettings } from "./en-settings";
import { enSignedOut } from "./en-signed-out";

/**
 * English, the reference dictionary: its shape is the `Messages` type every other language must
 * match (a missing or extra key is a type error). Functions format values into sentences.
 */
export const en = {
  ...enSettings,
  ...enDeleteAccount,
  ...enSignedOut,
  nav: {
    label: "Settings",
    profile: "Profile",
    account: "Account",
    sessions: "Sessions",
    activity: "Activity",
    mailbox: "Mailbox",
  },
  sessions: {
    title: "Sessions",
    description: "Devices and apps signed in to your account.",
    thisDevice: "This device",
    lastActive: (relative: string) => `Active ${relative}`,
    signedIn: (date: string) => `Signed in ${date}`,
    ipAddress: (ip: string) => `IP ${ip}`,
    unknownIp: "IP unknown",
    revoke: "Revoke",
    revokeLabel: (device: string) => `Revoke the session on ${device}`,
    revoked: "Session revoked",
    revokeOthers: "Sign out everywhere else",
    revokedOthers: (count: number) =>
      count === 0
        ? "There were no other sessions"
        : count === 1
          ? "1 other session signed out"
          : `${count} other sessions signed out`,
    onlyThis: "This is your only session.",
    confirmOthersTitle: "Sign out everywhere else?",
    confirmOthers: (count: number) =>
      count === 1
        ? "The other device will be signed out and will need the password to sign in again."
        : `${count} other devices will be signed out and will need the password to sign in again.`,
  },
  activity: {
    title: "Activity",
    description:
      "Changes and security events of your account: what happened, when, through which door and from which device.",
    empty: "Nothing has happened yet.",
    loadMore: "Load more",
    end: "That’s everything.",
    by: (door: string) => `via ${door}`,
    byServer: "by a server",
    changed: "changed",
    empty_value: "empty",
    actions: {
      "user.update": "Account updated",
      "user.signup": "Account created",
      "user.email_verified": "Email address verified",
      "user.password_reset": "Password reset",
      "security.sign_in": "Signed in",
      "security.sign_out": "Signed out",
      "security.session_revoked": "Session revoked",
      "security.password_changed": "Password changed",
      "security.password_reset": "Password reset",
      "security.email_changed": "Email address changed",
      "security.totp_enabled": "Two-factor turned on",
      "security.totp_disabled": "Two-factor turned off",
      "security.recovery_code_used": "Recovery code used",
      "security.recovery_codes_regenerated": "New recovery codes",
    } as Record<string, string>,
    device: "Device",
    unknownDevice: "Unknown device",
    /** Values some fields record as words (`twoFactor`: on/off). */
    values: { on: "on", off: "off" } as Record<string, string>,
    doors: {
      web: "Settings app",
      trpc: "Typed API",
      auth: "Auth API",
      admin: "Admin API",
      "dialect-a": "REST dialect A (/api/v3/auth/user)",
      "dialect-b": "REST dialect B (/:projectId/users/:userId)",
      "dialect-c": "REST dialect C (/api/user/update)",
      "dialect-d": "REST dialect D (/api/v1/users/me)",
      "dialect-e": "REST dialect E (/users/{id})",
    } as Record<string, string>,
    fields: {
      email: "Email",
      pendingEmail: "Pending email",
      emailVerifiedAt: "Email verified at",
      emailAuthEnabled: "Email sign-in",
      displayName: "Display name",
      firstName: "First name",
      lastName: "Last name",
      username: "Username",
      avatarUrl: "Profile photo",
      bio: "Bio",
      birthdate: "Birthdate",
      location: "Location",
      locale: "Language",
      featureFlags: "Feature flags",
      notifications: "Notifications",
      expoPushToken: "Push token",
      selectedTeamId: "Selected team",
      userMetadata: "User metadata",
      appMetadata: "App metadata",
      serverMetadata: "Server metadata",
      secureMetadata: "Secure metadata",
      password: "Password",
      totpSecret: "Two-factor authentication",
      recoveryCodes: "Unused recovery codes",
      twoFactor: "Two-factor",
    } as Record<string, string>,
  },
  mailbox: {
    title: "Development mailbox",
    description: "No SMTP_URL is set, so the mails for your account are kept here instead of being sent.",
    empty: "No mail yet.",
    to: (address: string) => `To ${address}`,
    refresh: "Refresh",
  },
  verifyEmail: {
    verified: "Email verified",
    verifiedMessage: (email: string) => `${email} is verified.`,
    failed: "This link cannot be used",
    goToSettings: "Go to your settings",
  },
  landing: {
    tagline: "Your account, one place, every door.",
    lead: "Read and update your own profile — safely, through whichever API your client already speaks.",
    openSettings: "Open your settings",
    signUp: "Create an account",
    apiDocs: "API reference",
    running: "What is running",
    database: "Database",
    mail: "Mail",
    serverKey: "Server key",
    pglite: "Embedded PGlite",
    postgres: "PostgreSQL",
    smtp: "Sent through SMTP",
    outbox: "Kept in the outbox — read it in the development mailbox (no SMTP_URL)",
    keyGenerated: "Generated in the data folder (printed once, when it was created)",
    keyFromEnv: "From SERVER_API_KEY",
    doors: "Doors",
    doorTrpc: "the typed API (me.get, me.update, …)",
    doorAuth: "sign up, tokens, sign out, email links",
    doorRest: "five REST dialects on the same rules",
  },
};

export type Messages = typeof en;
