import { describe, expect, it } from "vitest";

import {
  markNarrowed,
  narrowedFieldsOf,
  USER_FIELDS,
  USER_VIEW_KEYS,
  userFieldEntries,
  userViewFields,
  UserViewKeyError,
  userViewOutput,
} from "../src/index";

const NOW = "2026-12-03T06:00:00.000Z";

/** A complete user view as the router builds it (`toUserView`). */
function view(): Record<string, unknown> {
  return {
    id: "0b5a0b8e-6f0e-4f53-9d55-0a4c1b0f2f11",
    number: 1,
    projectId: "default",
    email: "jo@example.com",
    emailVerified: false,
    emailVerifiedAt: null,
    pendingEmail: null,
    emailAuthEnabled: true,
    displayName: "Jo",
    firstName: null,
    lastName: null,
    username: null,
    avatarUrl: null,
    bio: null,
    birthdate: null,
    location: { longitude: 2.35, latitude: 48.85 },
    userMetadata: { theme: "dark", nested: { any: ["json"] } },
    appMetadata: {},
    selectedTeamId: null,
    selectedTeam: { id: "7d4b7a43-3f3a-4a0c-9a54-6f7e3c0f3a10", displayName: "Team", createdAt: NOW },
    roles: [],
    status: "active",
    featureFlags: [],
    notifications: [],
    locale: "en",
    expoPushToken: null,
    hasPassword: true,
    totpEnabled: false,
    suspensions: [{ id: "5c7d1f5e-9a8b-4c3d-8e2f-1a0b9c8d7e6f", reason: "r", startsAt: NOW, endsAt: null }],
    createdAt: NOW,
    updatedAt: NOW,
    lastActiveAt: NOW,
  };
}

/** The registry's secret columns and fields nobody sees: none may ever be a view key. */
const SECRETS = userFieldEntries().flatMap(([name, spec]) =>
  spec.visibility === "nobody" ? [name, ...("column" in spec.storage ? [spec.storage.column] : [])] : [],
);

describe("the user view's output check (a compiled key check)", () => {
  it("passes a view as built, for a user and with server access, returning it unchanged", () => {
    const user = view();
    expect(userViewOutput(user)).toBe(user);
    const server = { ...view(), serverMetadata: {}, secureMetadata: { pin: "1" } };
    expect(userViewOutput(server)).toBe(server);
    expect(userViewOutput({ ...view(), selectedTeam: null, location: null, suspensions: [] })).toBeTruthy();
  });

  it("knows the secrets it guards against (the registry still has them)", () => {
    expect(SECRETS).toEqual(expect.arrayContaining(["password", "passwordHash", "totpSecret", "totpSecretEncrypted"]));
    expect(USER_FIELDS.password.visibility).toBe("nobody");
  });

  it("allows no secret key: none of the registry's hidden fields or their columns", () => {
    for (const secret of SECRETS) expect(USER_VIEW_KEYS, secret).not.toContain(secret);
  });

  it.each(["passwordHash", "totpSecretEncrypted", "password", "totpSecret", "refreshToken", "anythingElse"])(
    "trips on a view carrying %s: the output is refused, not sent",
    (key) => {
      expect(() => userViewOutput({ ...view(), [key]: "SECRET" })).toThrow(UserViewKeyError);
      expect(() => userViewOutput({ ...view(), [key]: "SECRET" })).toThrow(/unexpected or missing key/);
      expect(() => userViewOutput({ ...view(), [key]: "SECRET" })).not.toThrow(/SECRET/);
    },
  );

  it("trips on extra keys inside the team, the location and each suspension", () => {
    const team = view().selectedTeam as object;
    const suspension = (view().suspensions as object[])[0]!;
    expect(() => userViewOutput({ ...view(), selectedTeam: { ...team, secret: 1 } })).toThrow(UserViewKeyError);
    expect(() => userViewOutput({ ...view(), location: { longitude: 0, latitude: 0, secret: 1 } })).toThrow(
      UserViewKeyError,
    );
    expect(() => userViewOutput({ ...view(), suspensions: [suspension, { ...suspension, secret: 1 }] })).toThrow(
      UserViewKeyError,
    );
  });

  it("trips on a missing key or a value that is not an object", () => {
    const { email: _email, ...withoutEmail } = view();
    expect(() => userViewOutput(withoutEmail)).toThrow(UserViewKeyError);
    const { suspensions: _suspensions, ...withoutSuspensions } = view();
    expect(() => userViewOutput(withoutSuspensions)).toThrow(UserViewKeyError);
    expect(() => userViewOutput({ ...view(), selectedTeam: "x" })).toThrow(UserViewKeyError);
    for (const value of [null, undefined, "x", [view()]]) expect(() => userViewOutput(value)).toThrow(UserViewKeyError);
  });
});

describe("a narrowed view (a door's `userViewFields`)", () => {
  const fields = userViewFields("id", "email", "selectedTeam", "suspensions");
  const narrowed = (values: Record<string, unknown>) => markNarrowed(values, fields);
  const { id, email, selectedTeam, suspensions } = view();

  it("passes with exactly its fields, keeps its mark out of JSON and for...in", () => {
    const value = narrowed({ id, email, selectedTeam, suspensions });
    expect(userViewOutput(value)).toBe(value);
    expect(narrowedFieldsOf(value)).toBe(fields);
    expect(Object.keys(value)).toEqual(["id", "email", "selectedTeam", "suspensions"]);
    expect(JSON.parse(JSON.stringify(value))).toEqual({ id, email, selectedTeam, suspensions });
  });

  it("still checks the nested keys of the fields it has", () => {
    const suspension = (suspensions as object[])[0]!;
    const team = selectedTeam as object;
    expect(() => userViewOutput(narrowed({ id, email, selectedTeam, suspensions: [{ ...suspension, x: 1 }] }))).toThrow(
      UserViewKeyError,
    );
    expect(() => userViewOutput(narrowed({ id, email, selectedTeam: { ...team, x: 1 }, suspensions }))).toThrow(
      UserViewKeyError,
    );
  });

  it("trips on a field it was not narrowed to, a secret, or one of its own fields missing", () => {
    expect(() => userViewOutput(narrowed({ id, email, selectedTeam, suspensions, bio: null }))).toThrow(
      UserViewKeyError,
    );
    expect(() => userViewOutput(narrowed({ id, email, selectedTeam, suspensions, passwordHash: "x" }))).toThrow(
      UserViewKeyError,
    );
    expect(() => userViewOutput(narrowed({ id, selectedTeam, suspensions }))).toThrow(/"email"/);
  });

  it("without the mark, a partial view is refused as before", () => {
    expect(() => userViewOutput({ id, email, selectedTeam, suspensions })).toThrow(UserViewKeyError);
    expect(narrowedFieldsOf({ id })).toBeNull();
  });

  it("is a read-only set", () => {
    expect(Object.isFrozen(fields)).toBe(true);
    expect(() => (fields as Set<string>).add("bio")).toThrow(TypeError);
    expect(fields.has("bio" as never)).toBe(false);
  });
});
