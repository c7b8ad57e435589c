import {
  publicUserSchema,
  serverUserSchema,
  UPDATE_INPUTS,
  type UpdateInputKey,
  USER_FIELDS,
  userFieldEntries,
  VIEW_RELATIONS,
} from "@profilehub/validators";
import { describe, expect, it } from "vitest";

import { describeChanges } from "../src/services/users/webhook-approval";
import { useTestApp } from "./helpers/test-app";

const app = useTestApp();

/** What each input reads back as in the view. Typed by the registry: a new input needs a line here. */
interface Sample {
  value: unknown;
  /** The view key the input shows up under, and the value it should have (default: the field, the value). */
  shows?: { key: string; value: unknown };
}
const TEAM = "team";
const SECRET_VALUES = ["srv-secret-value", "sec-secret-value", "a-brand-new-password-1", "JBSWY3DPEHPK3PXP"];

function samples(teamId: string): Record<UpdateInputKey, Sample> {
  return {
    email: { value: "New.Address@Example.com", shows: { key: "email", value: "new.address@example.com" } },
    emailVerified: { value: true, shows: { key: "emailVerified", value: true } },
    emailAuthEnabled: { value: false },
    displayName: { value: "Ada" },
    firstName: { value: "Ada" },
    lastName: { value: "Lovelace" },
    username: { value: "  Ada.L_1 ", shows: { key: "username", value: "ada.l_1" } },
    avatarUrl: { value: "https://example.com/ada.png" },
    bio: { value: "Analyst" },
    birthdate: { value: "1985-12-10T00:00:00Z", shows: { key: "birthdate", value: "1985-12-10" } },
    location: { value: { longitude: 2.35, latitude: 48.85 } },
    userMetadata: { value: { a: 1 } },
    userMetadataPatch: { value: { b: 2 }, shows: { key: "userMetadata", value: { a: 1, b: 2 } } },
    appMetadata: { value: { plan: "pro" } },
    serverMetadata: { value: { token: "srv-secret-value" } },
    secureMetadata: { value: { pin: "sec-secret-value" } },
    selectedTeamId: { value: teamId },
    featureFlags: { value: ["beta", "beta"], shows: { key: "featureFlags", value: ["beta"] } },
    notifications: { value: ["email_security_alerts"] },
    locale: { value: "fr" },
    expoPushToken: { value: "ExponentPushToken[abc]" },
    password: { value: "a-brand-new-password-1", shows: { key: "hasPassword", value: true } },
    passwordHash: {
      value: "$2a$10$VIhIOofSMqGdGlL4wzE//e.77dAQGqNtF/1dT7bqCrVtQuInWy2qi",
      shows: { key: "hasPassword", value: true },
    },
    totpSecretBase64: {
      value: Buffer.from("JBSWY3DPEHPK3PXP").toString("base64"),
      shows: { key: "totpEnabled", value: true },
    },
  };
}

/** The view keys derived from the registry: visible fields, presence flags, relations. */
function viewKeys(serverAccess: boolean): string[] {
  return [
    ...userFieldEntries().flatMap(([name, spec]) => [
      ...(spec.visibility === "user" || (spec.visibility === "server" && serverAccess) ? [name] : []),
      ...(spec.presence ? [spec.presence] : []),
    ]),
    ...VIEW_RELATIONS,
  ].sort();
}

describe("the field registry", () => {
  it("every input round-trips: written through the router, read back in the view", async () => {
    const user = await app.signUp();
    const team = await app.server().admin.createTeam({ displayName: TEAM });
    await app.server().admin.addTeamMember({ teamId: team.id, userId: user.id });
    const server = app.server();
    for (const [key, sample] of Object.entries(samples(team.id)) as [UpdateInputKey, Sample][]) {
      const { user: view } = await server.users.update({ userId: user.id, changes: { [key]: sample.value } });
      const input = UPDATE_INPUTS.find((entry) => entry.key === key)!;
      const shown = sample.shows ?? { key: input.field, value: sample.value };
      expect((view as Record<string, unknown>)[shown.key], key).toEqual(shown.value);
    }
  });

  it("covers every input of the update in the samples above, and nothing else", () => {
    expect(Object.keys(samples("x")).sort()).toEqual(UPDATE_INPUTS.map((input) => input.key).sort());
  });

  it("the user view holds exactly the registry's visible fields, presence flags and relations", async () => {
    const user = await app.signUp();
    const asUser = await (await user.as()).me.get();
    const asServer = await app.server().users.get({ userId: user.id });
    expect(Object.keys(asUser).sort()).toEqual(viewKeys(false));
    expect(Object.keys(asServer).sort()).toEqual(viewKeys(true));
    expect(Object.keys(publicUserSchema.shape).sort()).toEqual(viewKeys(false));
    expect(Object.keys(serverUserSchema.shape).sort()).toEqual(viewKeys(true));
  });

  it("no secret value appears in any view, the audit diff or the webhook diff; only that it is set", async () => {
    const user = await app.signUp();
    const team = await app.server().admin.createTeam({ displayName: TEAM });
    await app.server().admin.addTeamMember({ teamId: team.id, userId: user.id });
    const all = samples(team.id);
    const secretInputs = UPDATE_INPUTS.filter((input) => USER_FIELDS[input.field].secret);
    expect(secretInputs.map((input) => input.key).sort()).toEqual(
      ["password", "passwordHash", "serverMetadata", "secureMetadata", "totpSecretBase64"].sort(),
    );
    // A new password signs every session out: set it first, sign in again, then the other secrets.
    await app.server().users.update({ userId: user.id, changes: { password: all.password.value as string } });
    const signedIn = await app
      .anonymous("auth")
      .auth.token({ grant_type: "password", email: user.email, password: all.password.value as string });
    for (const key of ["serverMetadata", "secureMetadata", "totpSecretBase64"] as const) {
      await app.server().users.update({ userId: user.id, changes: { [key]: all[key].value } });
    }
    const asUser = (door?: "dialect-b") => app.withToken(signedIn.accessToken, door);
    const views = [
      await (await asUser()).me.get(),
      await app.server().users.get({ userId: user.id }),
      await (await asUser("dialect-b")).users.get({ userId: user.id }),
    ];
    const audit = await app.database.db.auditEvent.findMany({ where: { userId: user.id } });
    const written = JSON.stringify({ views, audit: audit.map((event) => event.changes) });
    const secretTexts = [...SECRET_VALUES, all.totpSecretBase64.value as string];
    const serverOnly = ["srv-secret-value", "sec-secret-value"];
    for (const secret of secretTexts.filter((text) => !serverOnly.includes(text)))
      expect(written).not.toContain(secret);
    // Server and secure metadata are secrets too: only server access sees them, the audit log redacts them.
    for (const secret of serverOnly) {
      expect(JSON.stringify(views[0])).not.toContain(secret);
      expect(JSON.stringify(views[2])).not.toContain(secret);
      expect(JSON.stringify(audit.map((event) => event.changes))).not.toContain(secret);
    }
    expect(views[1]).toMatchObject({
      serverMetadata: { token: "srv-secret-value" },
      secureMetadata: { pin: "sec-secret-value" },
      hasPassword: true,
      totpEnabled: true,
    });
    const changes = audit.flatMap((event) => Object.entries(event.changes as Record<string, { to: unknown }>));
    for (const field of ["password", "serverMetadata", "secureMetadata"]) {
      expect(changes.find(([name]) => name === field)?.[1].to, field).toBe("[redacted]");
    }
    // Two-factor is a security event: recorded as off → on, never with the secret.
    expect(changes.find(([name]) => name === "twoFactor")?.[1]).toEqual({ from: "off", to: "on" });
    expect(changes.find(([name]) => name === "totpSecret")).toBeUndefined();
    const update = Object.fromEntries(secretInputs.map((input) => [input.key, all[input.key].value]));
    const webhookDiff = JSON.stringify(describeChanges(views[0]!, update));
    for (const secret of secretTexts) expect(webhookDiff).not.toContain(secret);
    expect(webhookDiff).toContain("[redacted]");
  });
});
