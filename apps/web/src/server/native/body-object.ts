import { invalidField } from "@profilehub/api";

/** The body of a native endpoint as an object (an empty body is `{}`); anything else is a 400. */
export function bodyObject(body: unknown): Record<string, unknown> {
  if (body === undefined) return {};
  if (typeof body === "object" && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  throw invalidField("", "not_an_object");
}
