import type { TestApp } from "@profilehub/api/testing";

import * as route from "@/app/users/[id]/route";

import { bearer, call } from "../helpers/dialect-app";

export const path = (id: number | string) => `/users/${id}`;

/** Dialect E's requests and the stored rows, for one test app. */
export function usersById(app: TestApp) {
  return {
    put: (token: string, id: number | string, body: unknown) =>
      call(route, "PUT", path(id), { headers: bearer(token), params: { id: String(id) }, body }),
    get: (token: string, id: number | string) =>
      call(route, "GET", path(id), { headers: bearer(token), params: { id: String(id) } }),
    stored: (id: string) => app.database.db.user.findUniqueOrThrow({ where: { id } }),
    signIn: (email: string, password: string) =>
      app.anonymous("auth").auth.token({ grant_type: "password", email, password }),
  };
}

export const UNAUTHORIZED = { status: "error", message: "Not authenticated or insufficient permissions" };
export const NOT_FOUND = { status: "error", message: "User not found" };
export const invalid = (errors: { path: string; message: string }[]) => ({
  status: "error",
  message: "Failed to update user",
  errors,
});
export const CREATED_AT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/** The documented request body, every field. */
export const DOCUMENTED = {
  first_name: "John",
  last_name: "Doe",
  email: "john@example.com",
  password: "newsecurepassword123",
  feature_flags: ["affiliate"],
  notifications: ["email_new_transaction", "push_new_transaction"],
  locale: "en",
  expo_push_token: "ExponentPushToken[xxxxxxxxxxxxxxxxxxxxxx]",
};
