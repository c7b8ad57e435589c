import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  acceptedMetadata,
  createIssue,
  type Issue,
  METADATA_MAX_BYTES,
  metadataSchema,
  READ_ONLY_FIELDS,
  UPDATE_INPUTS,
  type UserUpdatePolicy,
  userUpdateSchema,
  validateUserUpdate,
  zodIssues,
} from "../src/index";

/**
 * What `validateUserUpdate` answered when it ran the whole schema (`userUpdateSchema(policy)`, one
 * strict object of every key) on each call: the reference the key-by-key validation must equal.
 */
function wholeSchemaReference(input: unknown, policy: UserUpdatePolicy = {}) {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, issues: [createIssue("", "not_an_object")] };
  }
  const record = input as Record<string, unknown>;
  const blank = (value: unknown) =>
    value === undefined || value === null || (typeof value === "string" && !value.trim());
  const missing = (policy.requiredInputs ?? []).filter((key) => blank(record[key]));
  const present =
    missing.length > 0 ? Object.fromEntries(Object.entries(record).filter(([key]) => !missing.includes(key))) : record;
  const parsed = userUpdateSchema(policy).safeParse(present);
  const fieldIssues = parsed.success ? [] : zodIssues(parsed.error);
  const refused = new Set(
    fieldIssues
      .filter((issue) => ["server_only", "read_only", "unknown_field"].includes(issue.code))
      .map((i) => i.path),
  );
  const cross: Issue[] = [];
  const both = (a: string, b: string) => {
    if (record[a] !== undefined && record[b] !== undefined) cross.push(createIssue(b, "exclusive_with", { other: a }));
  };
  both("password", "passwordHash");
  both("userMetadata", "userMetadataPatch");
  for (const companion of ["currentPassword", "signOutOtherSessions"]) {
    if (record[companion] !== undefined && record.password === undefined) {
      cross.push(createIssue(companion, "only_with", { other: "password" }));
    }
  }
  const crossIssues = cross.filter(
    (issue) => !refused.has(issue.path) && !refused.has((issue.params as { other?: string }).other ?? ""),
  );
  const issues = [...missing.map((key) => createIssue(key, "required")), ...fieldIssues, ...crossIssues];
  if (!parsed.success || issues.length > 0) return { ok: false, issues };
  return { ok: true, value: parsed.data };
}

/** A value with its key order, `undefined` members and kinds of object made comparable. */
function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return { array: value.length, items: Array.from(value, ordered) };
  if (typeof value !== "object" || value === null) return Object.is(value, -0) ? "-0" : value;
  return {
    prototype: Object.getPrototypeOf(value) === Object.prototype ? "Object" : String(Object.getPrototypeOf(value)),
    entries: Reflect.ownKeys(value).map((key) => [String(key), ordered((value as Record<PropertyKey, unknown>)[key])]),
  };
}

const expectSameAsWholeSchema = (input: unknown, policy: UserUpdatePolicy = {}) =>
  expect(ordered(validateUserUpdate(input, policy))).toEqual(ordered(wholeSchemaReference(input, policy)));

const freeze = (policy: UserUpdatePolicy): UserUpdatePolicy =>
  Object.freeze({
    ...policy,
    ...(policy.userWritableServerInputs && {
      userWritableServerInputs: Object.freeze([...policy.userWritableServerInputs]),
    }),
    ...(policy.userInputs && { userInputs: Object.freeze([...policy.userInputs]) }),
  });

const POLICIES: [string, UserUpdatePolicy][] = [
  ["none", {}],
  ["server access", { serverAccess: true }],
  ["native", { passwordMinLength: 8, userWritableServerInputs: [], requiredInputs: [], lettersOnlyNames: false }],
  ["dialect A", { passwordMinLength: 6, userWritableServerInputs: [], requiredInputs: [], lettersOnlyNames: false }],
  ["required names, letters only", { requiredInputs: ["firstName", "lastName", "email"], lettersOnlyNames: true }],
  ["a list of user inputs", { userInputs: ["displayName", "avatarUrl", "userMetadata", "selectedTeamId", "email"] }],
  ["a server input for users", { userWritableServerInputs: ["appMetadata", "emailVerified"] }],
];

/** Nested `depth` levels deep, built without recursion. */
function nested(depth: number): unknown {
  let value: unknown = "leaf";
  for (let level = 0; level < depth; level += 1) value = { k: value };
  return value;
}

/** Arrays nested `depth` levels deep. */
function nestedArray(depth: number): unknown {
  let value: unknown = "leaf";
  for (let level = 0; level < depth; level += 1) value = [value];
  return value;
}

const withProto = JSON.parse('{"__proto__": {"x": 1}, "b": 1}') as unknown;
const sparse = [1, , 3]; // eslint-disable-line no-sparse-arrays -- a hole is what it checks
const withExtra = Object.assign([1, 2], { extra: nested(40) });
class Custom {
  a = 1;
}

/** Characters of a string `{ big: "…" }` can hold within the size limit (16 KB of JSON, in UTF-8): 16374. */
const ROOM = METADATA_MAX_BYTES - '{"big":""}'.length;

/** Metadata values at every edge of the schema's rules, valid and not. */
const METADATA_VALUES: unknown[] = [
  {},
  { theme: "x" },
  { theme: "dark", n: 1.5, ok: true, none: null, list: [1, "b", null, false, { deep: [] }] },
  { "-0": -0, 1: "one", a: Number.MAX_VALUE, b: -Number.MIN_VALUE, c: 0.0000012345678901234567 },
  { emoji: "Zoë 😀", cjk: "日本語", ctl: '\u0001\u001f\n\t"\\' },
  { nested: nested(30) },
  { nested: nested(31) },
  { nested: nested(32) },
  { list: nestedArray(30) },
  { list: nestedArray(31) },
  { list: nestedArray(32) },
  { big: "x".repeat(ROOM) },
  { big: "x".repeat(ROOM + 1) },
  { big: "é".repeat(ROOM / 2) },
  { big: "é".repeat(ROOM / 2 + 1) },
  { big: "\u0001".repeat(ROOM / 6) },
  { big: "\u0001".repeat(ROOM / 6 + 1) },
  { big: `${"😀".repeat((ROOM - 2) / 4)}ab` },
  { big: `${"😀".repeat((ROOM - 2) / 4)}abc` },
  { many: Array.from({ length: 3000 }, (_, i) => i) },
  { "": 1 },
  { ["k".repeat(200)]: 1 },
  { ["k".repeat(201)]: 1 },
  { "bad\u0000": 1 },
  { nested: { "bad\ud800": 1 } },
  { value: "lone \udc00" },
  { value: "nul \u0000" },
  { value: undefined },
  { value: NaN },
  { value: Infinity },
  { value: 10n },
  { value: () => 1 },
  { value: Symbol("s") },
  { value: new Date(0) },
  { value: new Map() },
  { value: new Custom() },
  { value: sparse },
  { value: withExtra },
  { value: Object.create(null) as object },
  Object.assign(Object.create(null) as object, { a: 1 }),
  { [Symbol("key")]: 1 },
  withProto,
  { nested: withProto },
  { constructor: "x" },
  { constructor: { prototype: 1 } },
  new Custom(),
  new Date(0),
  [],
  [1],
  null,
  undefined,
  "x",
  1,
];

/** Values some input accepts (often after a transform: trimmed, lowercased, sanitized, deduplicated). */
const PLAUSIBLE_VALUES: unknown[] = [
  "Ada",
  "  Ada Lovelace ",
  "Zoë",
  "fr",
  "en",
  "de",
  "ada@example.com",
  "  Ada@Example.COM ",
  "https://example.com/a.png",
  "http://example.com/a.png",
  `data:image/png;base64,${btoa(String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0))}`,
  "1990-01-01",
  "1990-01-01T10:00:00Z",
  " 1990-02-30 ",
  "secret12",
  "Ada.L_42",
  "ab",
  "ExponentPushToken[abc]",
  "5b0c9a4e-1d2f-4e3a-9b8c-7d6e5f4a3b2c",
  "JBSWY3DPEHPK3PXPJBSWY3DP",
  `$2b$10$${"a".repeat(53)}`,
  `$argon2id$v=19$m=65536,t=3,p=4$${"c".repeat(16)}$${"h".repeat(32)}`,
  ["beta", " beta ", "x.y:z"],
  ["has space"],
  Array.from({ length: 51 }, (_, i) => `n${i}`),
  { longitude: 2.35, latitude: 48.85 },
  { longitude: 181, latitude: 0 },
  { longitude: "2", latitude: 1 },
  true,
  false,
  0,
  null,
];

describe("validateUserUpdate checks only the keys sent, as the whole schema did", () => {
  it.each(POLICIES)("same answers, issues and output as the whole schema (policy: %s)", (_, policy) => {
    const bodies: unknown[] = [
      {},
      { bio: "x" },
      { bio: null },
      { bio: undefined },
      { userMetadataPatch: { theme: "x" } },
      { displayName: " Ada ", bio: "x", userMetadataPatch: { theme: "x" }, locale: "fr", featureFlags: ["a", "a"] },
      { firstName: "Ada", lastName: "Lovelace", email: " Ada@Example.com " },
      { firstName: "", lastName: "  ", email: null },
      { zz: 1, bio: 3, roles: 1, aa: 2, displayName: 5, appMetadata: {} },
      { roles: undefined, id: "x", hasPassword: true, suspensions: [] },
      { password: "secret12", currentPassword: "x", signOutOtherSessions: false },
      { password: "short", passwordHash: "$2b$10$abc" },
      { currentPassword: "x" },
      { signOutOtherSessions: true, roles: [] },
      { userMetadata: {}, userMetadataPatch: {} },
      { userMetadata: {}, userMetadataPatch: "x" },
      { emailVerified: true, emailAuthEnabled: false, serverMetadata: {}, secureMetadata: { a: 1 } },
      { location: { longitude: 1, latitude: 2 }, birthdate: "1990-01-01", username: "Ada.L" },
      { location: { longitude: 1, latitude: 2, altitude: 3 }, birthdate: "1990-02-30" },
      { totpSecretBase64: "short", expoPushToken: "abc", selectedTeamId: "nope", notifications: "x" },
      { totpSecretBase64: null, selectedTeamId: "5b0c9a4e-1d2f-4e3a-9b8c-7d6e5f4a3b2c" },
      withProto,
      JSON.parse('{"__proto__": 1, "bio": "x"}'),
      Object.assign(Object.create({ bio: "inherited" }) as object, { displayName: "own" }),
      Object.assign(Object.create(null) as object, { bio: "x", unknown: 1 }),
      Object.defineProperty({ displayName: "Ada" }, "bio", { value: 3, enumerable: false }),
      Object.defineProperty({ bio: "x" }, "hidden", { value: 1, enumerable: false }),
      { [Symbol("key")]: 1, bio: "x", 2: "two", 1: "one" },
      new (class {
        bio = "x";
        extra = 1;
      })(),
      [],
      null,
      "x",
      ...METADATA_VALUES.flatMap((value) => [{ userMetadata: value }, { userMetadataPatch: value, bio: "b" }]),
      ...METADATA_VALUES.map((value) => ({ appMetadata: value, serverMetadata: value })),
    ];
    for (const body of bodies) expectSameAsWholeSchema(body, policy);
    for (const body of bodies) expectSameAsWholeSchema(body, freeze(policy));
  });

  it("same answers for every key with every plausible value, under every policy", () => {
    const keys = Object.keys(userUpdateSchema({ serverAccess: true }).shape);
    let accepted = 0;
    for (const [, policy] of POLICIES) {
      for (const key of keys) {
        for (const value of PLAUSIBLE_VALUES) {
          expectSameAsWholeSchema({ [key]: value }, policy);
          if (validateUserUpdate({ [key]: value }, policy).ok) accepted += 1;
        }
      }
    }
    // Enough of them are accepted (after a transform) for the outputs to be compared too.
    expect(accepted).toBeGreaterThan(300);
  });

  it("same answers for arbitrary bodies (property)", () => {
    const keys = [
      ...new Set([...UPDATE_INPUTS.map((input) => input.key as string), ...READ_ONLY_FIELDS]),
      "currentPassword",
      "signOutOtherSessions",
      "unknown",
      "__proto__",
      "toString",
    ];
    const value = fc.oneof(
      fc.string(),
      fc.constantFrom(...PLAUSIBLE_VALUES),
      fc
        .tuple(fc.constantFrom(...PLAUSIBLE_VALUES), fc.string({ maxLength: 3 }))
        .map(([plausible, noise]) => (typeof plausible === "string" ? `${noise}${plausible}${noise}` : plausible)),
      fc.constantFrom(...METADATA_VALUES),
      fc.jsonValue(),
      fc.anything(),
    );
    const body = fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 6 });
    fc.assert(
      fc.property(body, fc.constantFrom(...POLICIES), fc.boolean(), (input, [, policy], frozen) => {
        expectSameAsWholeSchema(input, frozen ? freeze(policy) : policy);
      }),
      { numRuns: 1500 },
    );
  });

  it("a frozen policy is looked up by identity; another is read on every call", () => {
    const policy: { userInputs: string[] } = { userInputs: ["bio"] };
    expect(validateUserUpdate({ displayName: "Ada" }, policy)).toMatchObject({ ok: false });
    policy.userInputs.push("displayName");
    expect(validateUserUpdate({ displayName: "Ada" }, policy)).toEqual({ ok: true, value: { displayName: "Ada" } });
    const frozen = freeze({ userInputs: ["bio"] });
    expect(userUpdateSchema(frozen)).toBe(userUpdateSchema({ userInputs: ["bio"] }));
    expect(validateUserUpdate({ displayName: "Ada" }, frozen)).toMatchObject({
      ok: false,
      issues: [{ path: "displayName", code: "server_only" }],
    });
  });
});

describe("acceptedMetadata: the metadata schema's answer, when certain, in one walk", () => {
  it("returns what the schema returns, or nothing when only the schema can say", () => {
    for (const value of METADATA_VALUES) {
      const accepted = acceptedMetadata(value);
      const parsed = metadataSchema.safeParse(value);
      if (accepted !== undefined) {
        expect(parsed.success).toBe(true);
        expect(ordered(accepted)).toEqual(ordered(parsed.data));
        expect(accepted).not.toBe(value);
      }
    }
  });

  it("is certain about ordinary metadata, at every limit (no fallback to the schema)", () => {
    const ordinary: object[] = [
      {},
      { theme: "x" },
      { theme: "dark", n: 1.5, ok: true, none: null, list: [1, "b", null, false, { deep: [] }] },
      { emoji: "Zoë 😀", cjk: "日本語", ctl: '\u0001\u001f\n\t"\\' },
      { nested: nested(31) },
      { list: nestedArray(31) },
      { ["k".repeat(200)]: 1 },
      { big: "x".repeat(ROOM) },
      { big: "é".repeat(ROOM / 2) },
      { big: "\u0001".repeat(ROOM / 6) },
      { big: `${"😀".repeat((ROOM - 2) / 4)}ab` },
      Object.assign(Object.create(null) as object, { a: 1 }),
      { constructor: "x" },
    ];
    for (const value of ordinary) {
      expect(metadataSchema.safeParse(value).success).toBe(true);
      expect(acceptedMetadata(value)).toEqual(value);
    }
  });

  it("leaves every rejected value to the schema", () => {
    const rejected: unknown[] = [
      { nested: nested(32) },
      { list: nestedArray(32) },
      { big: "x".repeat(ROOM + 1) },
      { big: "é".repeat(ROOM / 2 + 1) },
      { big: "\u0001".repeat(ROOM / 6 + 1) },
      { big: `${"😀".repeat((ROOM - 2) / 4)}abc` },
      { "": 1 },
      { ["k".repeat(201)]: 1 },
      { nested: { "bad\ud800": 1 } },
      { value: "nul \u0000" },
      { value: NaN },
      { value: new Date(0) },
      { value: withExtra },
      [],
      null,
    ];
    for (const value of rejected) {
      expect(metadataSchema.safeParse(value).success).toBe(false);
      expect(acceptedMetadata(value)).toBeUndefined();
    }
  });

  it("agrees with the schema on arbitrary JSON (property)", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.anything(), (json, anything) => {
        for (const value of [json, { anything }]) {
          const accepted = acceptedMetadata(value);
          const parsed = metadataSchema.safeParse(value);
          if (accepted === undefined) {
            // Only values the schema refuses, or whose keys it treats apart (`__proto__`).
            if (parsed.success) expect(JSON.stringify(value)).toContain('"__proto__"');
          } else {
            expect(parsed.success).toBe(true);
            expect(ordered(accepted)).toEqual(ordered(parsed.data));
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
