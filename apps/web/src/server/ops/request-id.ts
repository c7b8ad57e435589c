import { randomUUID } from "node:crypto";

/** A caller's id is kept when it is a plain token: at most 64 of A–Z a–z 0–9 . _ - */
const SANE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The caller's `x-request-id` when it is sane, else a new one. */
export function acceptRequestId(given: string | string[] | null | undefined): string {
  return typeof given === "string" && SANE_ID.test(given) ? given : randomUUID();
}
