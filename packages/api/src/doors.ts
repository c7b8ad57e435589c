import type { ServerOnlyField } from "@profilehub/validators";

/**
 * Doors: the ways into the router. The calling door is part of the context (set by the server,
 * never by the client) and selects the documented policy for the security-relevant options.
 */
export const DOORS = [
  "trpc", // native typed API, /api/trpc
  "web", // the settings UI (cookie session)
  "auth", // /api/auth/*
  "admin", // /api/admin/* (server key)
  "dialect-a", // PUT /api/v3/auth/user
  "dialect-b", // PATCH /:projectId/users/:userId
  "dialect-c", // PUT /api/user/update
  "dialect-d", // PATCH /api/v1/users/me
  "dialect-e", // PUT /users/{id}
] as const;
export type Door = (typeof DOORS)[number];

export interface DoorPolicy {
  /** Minimum length of a new password. */
  passwordMinLength: number;
  /** `pending`: the old address stays until the mailed link is clicked; `immediate`: applied now, unverified. */
  emailChange: "pending" | "immediate";
  /** Which sessions a password change revokes. */
  passwordChangeRevokes: "others" | "all";
  /** Whether a password change must prove the current password. */
  requireCurrentPassword: boolean;
  /** Server-only fields users may write through this door (dialect B's `secureMetadata`). */
  userWritableServerFields: readonly ServerOnlyField[];
}

const NATIVE: DoorPolicy = {
  passwordMinLength: 8,
  emailChange: "pending",
  passwordChangeRevokes: "others",
  requireCurrentPassword: true,
  userWritableServerFields: [],
};

const POLICIES: Record<Door, DoorPolicy> = {
  trpc: NATIVE,
  web: NATIVE,
  auth: NATIVE,
  admin: { ...NATIVE, requireCurrentPassword: false, emailChange: "immediate" },
  "dialect-a": { ...NATIVE, passwordMinLength: 6, requireCurrentPassword: false },
  "dialect-b": {
    ...NATIVE,
    requireCurrentPassword: false,
    emailChange: "immediate",
    // "secureMetadata is accepted but never returned": users write it, only servers read it.
    userWritableServerFields: ["serverMetadata"],
  },
  "dialect-c": { ...NATIVE, requireCurrentPassword: false, emailChange: "immediate" },
  "dialect-d": {
    ...NATIVE,
    requireCurrentPassword: false,
    emailChange: "immediate",
    passwordChangeRevokes: "all",
  },
  "dialect-e": { ...NATIVE, requireCurrentPassword: false, emailChange: "immediate" },
};

/** The policy of a door; dialect A's email mode follows EMAIL_CHANGE_CONFIRMATION. */
export function doorPolicy(door: Door, options: { emailChangeConfirmation: boolean }): DoorPolicy {
  const policy = POLICIES[door];
  if (door === "dialect-a" && !options.emailChangeConfirmation) {
    return { ...policy, emailChange: "immediate" };
  }
  return policy;
}
