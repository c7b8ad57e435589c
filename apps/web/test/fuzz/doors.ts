/**
 * The doors the fuzz test knocks on: how each one carries a payload (its envelope, path,
 * credentials) and what its documented error body looks like.
 */
export interface Account {
  token: string;
  id: string;
  number: number;
  serverKey: string;
}

export interface Door {
  name: string;
  method: string;
  path(account: Account): string;
  headers(account: Account): Record<string, string>;
  /** The body for a payload: the door's envelope around the generated value. */
  wrap(value: unknown): unknown;
  /** Field names the door documents, so generated objects hit real fields too. */
  fields: readonly string[];
  /** Whether an error body has the door's documented shape. */
  isErrorShape(body: any): boolean;
  /** The payload goes in the query (`?input=…`, tRPC queries), not the body. */
  inQuery?: boolean;
  /** The door also documents plain-text errors (Stack's StatusErrors: no known-error header). */
  plainTextErrors?: boolean;
}

const bearer = (account: Account) => ({ authorization: `Bearer ${account.token}` });
const string = (value: unknown) => typeof value === "string";

/** tRPC: `{error: {message, code, data: {code, httpStatus, reason, issues}}}` (or a batch of them). */
export const trpcShape = (body: any): boolean => {
  const one = (entry: any) =>
    string(entry?.error?.message) &&
    string(entry?.error?.data?.code) &&
    typeof entry.error.data.httpStatus === "number";
  return Array.isArray(body) ? body.every(one) : one(body);
};
/** ProfileHub's own REST endpoints (and the server's answers before any route). */
export const nativeShape = (body: any): boolean => string(body?.error?.code) && string(body?.error?.message);

const NATIVE_FIELDS = ["displayName", "bio", "username", "userMetadata", "serverMetadata", "appMetadata", "locale"];

export const DOORS: Door[] = [
  {
    name: "trpc users.get (query)",
    method: "GET",
    path: () => "/api/trpc/users.get",
    headers: bearer,
    wrap: (value) => value,
    fields: ["userId", "userNumber", "projectId"],
    isErrorShape: trpcShape,
    inQuery: true,
  },
  {
    name: "trpc me.update",
    method: "POST",
    path: () => "/api/trpc/me.update",
    headers: bearer,
    wrap: (value) => value,
    fields: [...NATIVE_FIELDS, "secureMetadata", "userMetadataPatch", "firstName", "password", "currentPassword"],
    isErrorShape: trpcShape,
  },
  {
    name: "trpc users.update (server)",
    method: "POST",
    path: () => "/api/trpc/users.update",
    headers: (account) => ({ "x-api-key": account.serverKey }),
    wrap: (value) => ({ userId: "00000000-0000-4000-8000-000000000000", changes: value }),
    fields: [...NATIVE_FIELDS, "emailVerified", "passwordHash"],
    isErrorShape: trpcShape,
  },
  {
    name: "auth signup",
    method: "POST",
    path: () => "/api/auth/signup",
    headers: () => ({}),
    wrap: (value) => value,
    fields: ["email", "password", "projectId"],
    isErrorShape: nativeShape,
  },
  {
    name: "auth token",
    method: "POST",
    path: () => "/api/auth/token",
    headers: () => ({}),
    wrap: (value) => (value && typeof value === "object" ? { grant_type: "password", ...value } : value),
    fields: ["email", "password", "projectId", "grant_type", "refresh_token"],
    isErrorShape: nativeShape,
  },
  {
    name: "admin project",
    method: "PUT",
    path: () => "/api/admin/projects/fuzz-project",
    headers: (account) => ({ "x-api-key": account.serverKey }),
    wrap: (value) => value,
    fields: ["name", "webhooks"],
    isErrorShape: nativeShape,
  },
  {
    name: "admin suspension",
    method: "POST",
    path: (account) => `/api/admin/users/${account.id}/suspensions`,
    headers: (account) => ({ "x-api-key": account.serverKey }),
    wrap: (value) => value,
    fields: ["reason", "endsAt"],
    isErrorShape: nativeShape,
  },
  {
    name: "admin team",
    method: "POST",
    path: () => "/api/admin/teams",
    headers: (account) => ({ "x-api-key": account.serverKey }),
    wrap: (value) => value,
    fields: ["displayName", "projectId"],
    isErrorShape: nativeShape,
  },
  {
    name: "A",
    method: "PUT",
    path: () => "/api/v3/auth/user",
    headers: bearer,
    wrap: (value) => value,
    fields: ["email", "password", "data", "userMetadata", "appMetadata"],
    isErrorShape: (body) => body?.success === false && typeof body.errno === "number" && string(body.error),
  },
  {
    name: "B",
    method: "PATCH",
    path: (account) => `/default/users/${account.id}`,
    headers: bearer,
    wrap: (value) => ({ update: value }),
    fields: ["name", "username", "avatar", "bio", "birthdate", "location", "metadata", "secureMetadata"],
    isErrorShape: (body) => string(body?.error) && string(body.code),
  },
  {
    name: "C",
    method: "PUT",
    path: () => "/api/user/update",
    headers: (account) => ({ authorization: account.token }),
    wrap: (value) => value,
    fields: ["name", "surname", "email", "description", "json"],
    isErrorShape: (body) => typeof body?.code === "number" && body.status === "error" && string(body.message),
  },
  {
    name: "D",
    method: "PATCH",
    path: () => "/api/v1/users/me",
    headers: (account) => ({
      "x-stack-project-id": "default",
      "x-stack-access-type": "client",
      "x-stack-access-token": account.token,
    }),
    wrap: (value) => value,
    fields: ["display_name", "profile_image_url", "client_metadata", "server_metadata", "selected_team_id"],
    isErrorShape: (body) => string(body?.code) && string(body.error),
    plainTextErrors: true,
  },
  {
    name: "E",
    method: "PUT",
    path: (account) => `/users/${account.number}`,
    headers: bearer,
    wrap: (value) => ({ user: value }),
    fields: ["first_name", "last_name", "email", "password", "roles", "feature_flags", "locale", "notifications"],
    isErrorShape: (body) => body?.status === "error" && string(body.message),
  },
];
