import { z } from "zod";

import { READ_ONLY_FIELDS, UPDATE_INPUTS, type UpdateInputKey, type UpdateInputs } from "./fields/registry";
import { DEFAULT_PASSWORD_MIN_LENGTH } from "./form-checks";
import { acceptedMetadata, metadataSchema } from "./metadata";
import { passwordSchema } from "./password";
import { alphabeticNameSchema } from "./person-name";
import { addProblemsOfKeyIssue } from "./problems/from-zod";
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
const COMPANION_PAIRS = Object.entries(COMPANIONS);

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

/** How one input key is checked under a policy. */
interface KeyRule {
  /** The key's schema exactly as in `userUpdateSchema(policy)`'s shape (optional). */
  schema: z.ZodType;
  /** The schema's output for a value it certainly accepts, found without it (`undefined`: run it). */
  accepted?: (value: unknown) => unknown;
  /** The schema with zod's generated parser (`z.compile`), made on the key's first use. */
  compiled?: z.ZodType;
}

/**
 * `z.compile(schema)`: the same schema with a parser generated for it, which answers what the
 * runtime answers and hands anything it rejects (or cannot model: metadata's recursive JSON) to the
 * runtime, so issues come from the runtime as before. Not where code may not be generated (the
 * settings UI runs zod `jitless` under its Content Security Policy).
 */
function compiled(schema: z.ZodType): z.ZodType {
  return z.config().jitless ? schema : z.compile(schema);
}

interface UpdateRules {
  schema: FullSchema;
  /** Every key of the schema's shape, in its order, and its rule (same index). */
  keys: readonly string[];
  rules: readonly KeyRule[];
  indexOf: ReadonlyMap<string, number>;
}

function buildRules(policy: UserUpdatePolicy): UpdateRules {
  const shape: Record<string, z.ZodType> = { ...companionShape };
  const accepted = new Map<string, KeyRule["accepted"]>();
  for (const input of UPDATE_INPUTS) {
    const writable = mayWrite(input, policy);
    shape[input.key] = writable ? inputSchema(input.key, input.schema, policy) : rejected("server_only");
    if (writable && input.schema === metadataSchema) accepted.set(input.key, acceptedMetadata);
  }
  const readOnly = Object.fromEntries(READ_ONLY_FIELDS.map((key) => [key, rejected("read_only")]));
  const schema = z.strictObject(shape).partial().extend(readOnly) as unknown as FullSchema;
  const keys = Object.keys(schema.shape);
  const rules = keys.map((key): KeyRule => {
    const keySchema = (schema.shape as Record<string, z.ZodType>)[key]!;
    // Checking only the keys sent relies on every key being optional: an absent one adds nothing.
    if (keySchema._zod.optin !== "optional" || keySchema._zod.optout !== "optional") {
      throw new Error(`user update: input ${key} must be optional`);
    }
    const fast = accepted.get(key);
    return fast ? { schema: keySchema, accepted: fast } : { schema: keySchema };
  });
  // Keys sent are found among the input's own keys: no key may also be an inherited one.
  const inherited = keys.find((key) => key in Object.prototype);
  if (inherited) throw new Error(`user update: input ${inherited} is a property of every object`);
  return { schema, keys, rules, indexOf: new Map(keys.map((key, index) => [key, index])) };
}

const rulesByKey = new Map<string, UpdateRules>();
/** Policies that cannot change (frozen, with frozen lists): their rules are found by identity. */
const rulesByPolicy = new WeakMap<UserUpdatePolicy, UpdateRules>();

const isFrozenList = (list: readonly string[] | undefined) => list === undefined || Object.isFrozen(list);

function rulesFor(policy: UserUpdatePolicy): UpdateRules {
  const frozen =
    Object.isFrozen(policy) && isFrozenList(policy.userWritableServerInputs) && isFrozenList(policy.userInputs);
  let rules = frozen ? rulesByPolicy.get(policy) : undefined;
  if (rules) return rules;
  const key = JSON.stringify([
    policy.passwordMinLength ?? DEFAULT_PASSWORD_MIN_LENGTH,
    policy.serverAccess ?? false,
    policy.userWritableServerInputs ?? [],
    policy.userInputs ?? null,
    policy.lettersOnlyNames ?? false,
  ]);
  rules = rulesByKey.get(key);
  if (!rules) {
    rules = buildRules(policy);
    rulesByKey.set(key, rules);
  }
  if (frozen) rulesByPolicy.set(policy, rules);
  return rules;
}

/**
 * The update's schema under a door's policy (built once per distinct policy). A frozen policy (with
 * frozen lists) is looked up by identity; any other is compared by value on each call.
 */
export function userUpdateSchema(policy: UserUpdatePolicy = {}): FullSchema {
  return rulesFor(policy).schema;
}

type KeyCheck = { success: true; data: Record<string, unknown> } | { success: false; issues: Issue[] };

const byIndex = (a: number, b: number) => a - b;
const isEnumerable = (object: object, key: string) => Object.prototype.propertyIsEnumerable.call(object, key);

/**
 * `userUpdateSchema(policy).safeParse(input)`, its issues converted to ours, running only the
 * schemas of the keys sent. Same issues in the same order, same output: the object runs every key
 * of its shape, in order, that is `in` the input (an absent one adds nothing: all are optional),
 * then lists the keys it does not know (`unrecognized_keys`, in `for…in` order). For a plain object
 * (prototype `Object.prototype` or none, which holds no key of the shape) those are its own keys,
 * found in one pass; any other object is checked key by key of the shape.
 */
function checkKeys(input: Record<string, unknown>, rules: UpdateRules): KeyCheck {
  const prototype: unknown = Object.getPrototypeOf(input);
  if (prototype !== Object.prototype && prototype !== null) return checkEveryKey(input, rules);
  let sent: number[] | undefined;
  let unknown: string[] | undefined;
  for (const key of Reflect.ownKeys(input)) {
    if (typeof key !== "string") continue;
    const index = rules.indexOf.get(key);
    if (index !== undefined) (sent ??= []).push(index);
    else if (isEnumerable(input, key)) (unknown ??= []).push(key);
  }
  if (sent && sent.length > 1) sent.sort(byIndex);
  return checkSent(input, rules, sent ?? [], unknown);
}

/** The same for any object: each key of the shape `in` it, then its unknown keys in `for…in` order. */
function checkEveryKey(input: Record<string, unknown>, rules: UpdateRules): KeyCheck {
  const sent: number[] = [];
  for (let index = 0; index < rules.keys.length; index += 1) if (rules.keys[index]! in input) sent.push(index);
  let unknown: string[] | undefined;
  for (const key in input) if (!rules.indexOf.has(key)) (unknown ??= []).push(key);
  return checkSent(input, rules, sent, unknown);
}

function checkSent(
  input: Record<string, unknown>,
  { keys, rules }: UpdateRules,
  sent: readonly number[],
  unknown: readonly string[] | undefined,
): KeyCheck {
  const data: Record<string, unknown> = {};
  // Set on the first zod issue: failed, as `safeParse` would have, even if no problem came of it.
  let issues: Issue[] | undefined;
  for (const index of sent) {
    const key = keys[index]!;
    const rule = rules[index]!;
    const value = input[key];
    const accepted = rule.accepted?.(value);
    if (accepted !== undefined) {
      data[key] = accepted;
      continue;
    }
    const parsed = (rule.compiled ??= compiled(rule.schema)).safeParse(value);
    if (parsed.success) {
      data[key] = parsed.data;
    } else {
      issues ??= [];
      for (const issue of parsed.error.issues) addProblemsOfKeyIssue(key, issue, issues);
    }
  }
  if (unknown) {
    issues ??= [];
    for (const key of unknown) issues.push(createIssue(key, "unknown_field"));
  }
  return issues ? { success: false, issues } : { success: true, data };
}

const blank = (value: unknown) => value === undefined || value === null || (typeof value === "string" && !value.trim());

/** `b` is refused beside `a`. */
const EXCLUSIVE_PAIRS = [
  ["password", "passwordHash"],
  ["userMetadata", "userMetadataPatch"],
] as const;

function crossFieldIssues(input: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  for (const [a, b] of EXCLUSIVE_PAIRS) {
    if (input[a] !== undefined && input[b] !== undefined) issues.push(createIssue(b, "exclusive_with", { other: a }));
  }
  for (const [companion, main] of COMPANION_PAIRS) {
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
  const missing: string[] = [];
  for (const key of policy.requiredInputs ?? []) if (blank(record[key])) missing.push(key);
  const present = missing.length > 0 ? omit(record, missing) : record;
  const parsed = checkKeys(present, rulesFor(policy));
  if (parsed.success && missing.length === 0) {
    const crossIssues = crossFieldIssues(record);
    return crossIssues.length > 0 ? { ok: false, issues: crossIssues } : { ok: true, value: parsed.data };
  }
  const fieldIssues = parsed.success ? [] : parsed.issues;
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
