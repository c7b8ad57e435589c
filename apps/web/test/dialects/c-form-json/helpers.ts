import type { TestApp } from "@profilehub/api/testing";

import * as route from "@/app/api/user/update/route";

import { call } from "../helpers/dialect-app";

export const PATH = "/api/user/update";
/** The document's examples send the bare JWT in `Authorization`. */
export const bare = (token: string) => ({ authorization: token });
export const FORM = { "content-type": "application/x-www-form-urlencoded" };
export const error = (code: number, message: string) => ({ code, status: "error", message });
export const JOHN = { name: "John", surname: "Doe", email: "john.doe@example.com", description: "Senior developer" };

/** Dialect C's requests and the stored rows, for one test app. */
export function formJson(app: TestApp) {
  return {
    /** The document's request example: `-d 'json={…}'`, form-urlencoded. */
    putForm: (token: string, fields: unknown, headers: Record<string, string> = bare(token)) =>
      call(route, "PUT", PATH, {
        headers: { ...headers, ...FORM },
        body: new URLSearchParams({ json: JSON.stringify(fields) }).toString(),
        raw: true,
      }),
    putJson: (token: string, body: unknown) => call(route, "PUT", PATH, { headers: bare(token), body }),
    get: (token: string) => call(route, "GET", PATH, { headers: bare(token) }),
    stored: (id: string) => app.database.db.user.findUniqueOrThrow({ where: { id } }),
  };
}
