import { z } from "zod";

import { READ_ONLY_FIELDS, UPDATE_INPUTS, type UpdateInputKey, type UpdateInputs } from "./fields/registry";
import { DEFAULT_PASSWORD_MIN_LENGTH } from "./form-checks";
import { passwordSchema } from "./password";
import { alphabeticNameSchema } from "./person-name";
import { zodIssues } from "./problems/from-zod";
import { createIssue, type Issue } from "./problems/issue";
import { fails } from "./problems/zod-codes";

/** Inputs that only accompany another one: they write nothing themselves. */
const companionShape = {
  /** Required by policies that ask for the current password before a change. */
  currentPassword: z.string(fails("invalid_type")).max(1024, fails("too_long")),
  /** With `password`: whether the user's other sessions are signed out (default: yes). */
  signOutOtherSessions: z.boolean(fails("invalid_type")),
};
const COMPANIONS = { currentPassword: "password", signOutOtherSessions: "password" } as const;

type InputShape = {
  [K in UpdateInputKey]: UpdateInputs[K] extends { schema: infer S } ? S : never;
} & typeof companionShape;
type FullSchema = z.ZodObject<{ [K in keyof InputShape]: z.ZodOptional<InputShape[K] & z.ZodType> }>;

/**
 * What a caller may send (the typed client's input for `me.update`). A fresh mapped type (not zod's
 * own instantiation), so that it keeps this name in the client's declarations and tsc's messages.
 */
export type UserUpdateInput = Omit<z.input<FullSchema>, never>;
/** Validated and normalized changes, ready to store. */
export type UserUpdate = z.output<FullSchema>;

export type ServerOnlyInput = Extract<(typeof UPDATE_INPUTS)[number], { writableBy: "server" }>["key"];

export interface UserUpdatePolicy {
  /** Minimum password length of the calling door (native API: 8). */
  passwordMinLength?: number;
  /** Whether the caller holds server access (may write every input). */
  serverAccess?: boolean;
  /** Server-only inputs this caller's door lets users write anyway. */
  userWritableServerInputs?: readonly string[];
  /** The only inputs users may write through this door (default: every user input); others are `server_only`. */
  userInputs?: readonly string[];
  /** Inputs every request of this door must carry, non-blank (`required`). */
  requiredInputs?: readonly string[];
  /** First and last names are letters only (`letters_only`). */
  lettersOnlyNames?: boolean;
}

const rejected = (code: "read_only" | "server_only") =>
  z
    .unknown()
    .refine(() => false, fails(code))
    .optional();

function inputSchema(key: string, schema: z.ZodType, policy: UserUpdatePolicy): z.ZodType {
  if (key === "password") return passwordSchema(policy.passwordMinLength ?? DEFAULT_PASSWORD_MIN_LENGTH);
  if (policy.lettersOnlyNames && (key === "firstName" || key === "lastName")) return alphabeticNameSchema;
  return schema;
}

function mayWrite(input: (typeof UPDATE_INPUTS)[number], policy: UserUpdatePolicy): boolean {
  if (policy.serverAccess) return true;
  if (input.writableBy === "server") return policy.userWritableServerInputs?.includes(input.key) ?? false;
  return policy.userInputs?.includes(input.key) ?? true;
}

function buildSchema(policy: UserUpdatePolicy): FullSchema {
  const shape: Record<string, z.ZodType> = { ...companionShape };
  for (const input of UPDATE_INPUTS) {
    shape[input.key] = mayWrite(input, policy) ? inputSchema(input.key, input.schema, policy) : rejected("server_only");
  }
  const readOnly = Object.fromEntries(READ_ONLY_FIELDS.map((key) => [key, rejected("read_only")]));
  return z.strictObject(shape).partial().extend(readOnly) as unknown as FullSchema;
}

const schemaCache = new Map<string, FullSchema>();

/** The update's schema under a door's policy (built once per distinct policy). */
export function userUpdateSchema(policy: UserUpdatePolicy = {}): FullSchema {
  const key = JSON.stringify([
    policy.passwordMinLength ?? DEFAULT_PASSWORD_MIN_LENGTH,
    policy.serverAccess ?? false,
    policy.userWritableServerInputs ?? [],
    policy.userInputs ?? null,
    policy.lettersOnlyNames ?? false,
  ]);
  let schema = schemaCache.get(key);
  if (!schema) {
    schema = buildSchema(policy);
    schemaCache.set(key, schema);
  }
  return schema;
}

const blank = (value: unknown) => value === undefined || value === null || (typeof value === "string" && !value.trim());

function crossFieldIssues(input: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  const both = (a: string, b: string) => {
    if (input[a] !== undefined && input[b] !== undefined) issues.push(createIssue(b, "exclusive_with", { other: a }));
  };
  both("password", "passwordHash");
  both("userMetadata", "userMetadataPatch");
  for (const [companion, main] of Object.entries(COMPANIONS)) {
    if (input[companion] !== undefined && input[main] === undefined) {
      issues.push(createIssue(companion, "only_with", { other: main }));
    }
  }
  return issues;
}

const REFUSALS: ReadonlySet<Issue["code"]> = new Set(["server_only", "read_only", "unknown_field"]);

export type UserUpdateResult = { ok: true; value: UserUpdate } | { ok: false; issues: Issue[] };

/** Validates every field at once and returns every problem found, or the normalized changes. */
export function validateUserUpdate(input: unknown, policy: UserUpdatePolicy = {}): UserUpdateResult {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, issues: [createIssue("", "not_an_object")] };
  }
  const record = input as Record<string, unknown>;
  const missing = (policy.requiredInputs ?? []).filter((key) => blank(record[key]));
  const present = missing.length > 0 ? omit(record, missing) : record;
  const parsed = userUpdateSchema(policy).safeParse(present);
  const fieldIssues = parsed.success ? [] : zodIssues(parsed.error);
  // Keys the caller may not send at all are not compared with each other.
  const refused = new Set(fieldIssues.filter((issue) => REFUSALS.has(issue.code)).map((issue) => issue.path));
  const crossIssues = crossFieldIssues(record).filter(
    (issue) => !refused.has(issue.path) && !refused.has((issue.params as { other?: string }).other ?? ""),
  );
  const issues = [...missing.map((key) => createIssue(key, "required")), ...fieldIssues, ...crossIssues];
  if (!parsed.success || issues.length > 0) return { ok: false, issues };
  return { ok: true, value: parsed.data };
}

function omit(record: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)));
}

/**
 * The input parser of update procedures: typed for clients, but only checks that an object was
 * sent — the full rules need the caller's policy and run in the router, reporting every issue.
 */
export const userUpdateInputSchema = z.custom<UserUpdateInput>(
  (value) => typeof value === "object" && value !== null && !Array.isArray(value),
  fails("not_an_object"),
);
