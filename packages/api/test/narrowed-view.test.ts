import {
  markNarrowed,
  narrowedFieldsOf,
  USER_VIEW_KEYS,
  type UserViewFields,
  userViewFields,
  userViewOutput,
} from "@profilehub/validators";
import { describe, expect, it } from "vitest";

import { createRequestContext } from "../src/context";
import { createCaller } from "../src/root";
import { planUpdate } from "../src/services/users/update-plan";
import { buildUpdateStatement } from "../src/services/users/update-statement";
import { useTestApp } from "./helpers/test-app";

const app = useTestApp();

/** A door's fields: a plain value, a timestamp, metadata, a presence flag and a nested list. */
const FIELDS = userViewFields("id", "email", "updatedAt", "userMetadata", "hasPassword", "suspensions");

async function narrowedCaller(accessToken: string, viewFields: UserViewFields = FIELDS, serverKey?: string) {
  const ctx = await createRequestContext(app.services, {
    accessToken,
    door: "dialect-a",
    serverKey: serverKey ?? null,
  });
  return createCaller({ ...ctx, viewFields });
}

describe("an update's view narrowed to the door's fields", () => {
  it("me.update returns exactly those fields, with the same values as the full view", async () => {
    const user = await app.signUp();
    const narrowed = await (await narrowedCaller(user.accessToken)).me.update({ userMetadata: { theme: "dark" } });
    expect(Object.keys(narrowed).sort()).toEqual([...FIELDS].sort());
    expect(narrowedFieldsOf(narrowed)).toBe(FIELDS);
    const full = await (await user.as()).me.get();
    for (const field of FIELDS) expect(narrowed[field], field).toEqual(full[field]);
    expect(narrowed.userMetadata).toEqual({ theme: "dark" });
    expect(narrowed.hasPassword).toBe(true);
  });

  it("users.update narrows its user the same way, and its changes are unchanged", async () => {
    const user = await app.signUp();
    const result = await (
      await narrowedCaller(user.accessToken)
    ).users.update({
      userId: user.id,
      changes: { bio: "Hello" },
    });
    expect(Object.keys(result.user).sort()).toEqual([...FIELDS].sort());
    expect(result.changes).toEqual({ bio: { from: null, to: "Hello" } });
  });

  it("never widens what the caller may see: server-only fields stay out without server access", async () => {
    const user = await app.signUp();
    const fields = userViewFields("id", "serverMetadata", "secureMetadata");
    const asUser = await (await narrowedCaller(user.accessToken, fields)).me.update({ bio: "x" });
    expect(Object.keys(asUser)).toEqual(["id"]);
    const asServer = await (
      await narrowedCaller(user.accessToken, fields, app.services.config.serverApiKey)
    ).users.update({ userId: user.id, changes: { bio: "y" } });
    expect(Object.keys(asServer.user).sort()).toEqual(["id", "secureMetadata", "serverMetadata"]);
  });

  it("without fields (tRPC clients), the view is the full one, unmarked", async () => {
    const user = await app.signUp();
    const full = await (await user.as()).me.update({ bio: "full" });
    const serverOnly = ["serverMetadata", "secureMetadata"];
    expect(Object.keys(full).sort()).toEqual(USER_VIEW_KEYS.filter((key) => !serverOnly.includes(key)).sort());
    expect(narrowedFieldsOf(full)).toBeNull();
  });

  it("the statement projects only the narrowed fields (less for the database to build)", () => {
    const input = {
      target: { id: "00000000-0000-4000-8000-000000000001" },
      projectId: "default",
      session: null,
      serverAccess: true,
      plan: planUpdate({ bio: "x" }, {}),
      audit: { door: "dialect-a", requestId: "r", action: "user.update", client: { ip: null, userAgent: null } },
      webhook: { mode: "refuse" as const },
    };
    const full = buildUpdateStatement(input).text;
    const narrowed = buildUpdateStatement({ ...input, view: userViewFields("id", "bio") }).text;
    expect(full).toContain("'suspensions'");
    expect(full).toContain("'displayName'");
    expect(narrowed).not.toContain("'suspensions'");
    expect(narrowed).not.toContain("'selectedTeam'");
    expect(narrowed).not.toContain("'displayName'");
    expect(narrowed).toMatch(/json_build_object\('id', updated\."id",\s*'bio', updated\."bio"\)/);
  });

  it("a narrowed view missing one of its fields is refused by the output check (a 500, no data)", async () => {
    const user = await app.signUp();
    const view = markNarrowed({ id: user.id }, userViewFields("id", "email"));
    expect(() => userViewOutput(view)).toThrow(/"email"/);
  });
});
