import { type Database, queryRows } from "@profilehub/db";
import {
  type Issue,
  type UserUpdate,
  type UserUpdatePolicy,
  type UserView,
  type UserViewFields,
  validateUserUpdate,
} from "@profilehub/validators";

import type { LimitRule } from "../../config/abuse-limits";
import type { CallerSession, ClientInfo } from "../../context";
import type { SecretBox } from "../../crypto/secret-box";
import type { Door, DoorPolicy } from "../../doors";
import { appError, conflictError, conflictingField, invalidField, validationError } from "../../errors";
import type { MailNotifier } from "../../mail/notifier";
import { retryOnConflict } from "../database/retry-conflict";
import { uniqueViolation } from "../database/unique-violation";
import { isSessionLive } from "../sessions/is-session-live";
import { planEmailChange } from "./email-change";
import { preparePassword } from "./prepare-password";
import { readUser } from "./read-user";
import { takenFieldIssues } from "./taken-fields";
import { planUpdate, type PreparedSecrets, type UpdatePlan } from "./update-plan";
import {
  type AuditChanges,
  buildUpdateStatement,
  type OutcomeRow,
  readOutcome,
  type UpdateOutcome,
  type UserRef,
} from "./update-statement";
import { toUserView } from "./user-view";
import { approveWithWebhook } from "./webhook-approval";

export interface UpdateUserDeps {
  db: Database;
  secretBox: SecretBox;
  mail: MailNotifier;
  appUrl: string;
  webhookTimeoutMs: number;
  /** Wrong `currentPassword` guesses allowed per account. */
  currentPasswordLimit: LimitRule;
}

export interface UpdateUserRequest {
  target: UserRef;
  /** Scope the target to this project (`null`: any project; server access only). */
  projectId: string | null;
  session: CallerSession | null;
  serverAccess: boolean;
  door: Door;
  requestId: string;
  /** The caller's client: its device is recorded with security events. */
  client: ClientInfo;
  policy: DoorPolicy;
  /** The raw changes, validated here so every problem is reported at once. */
  input: unknown;
  /** Problems the door found reading its request, reported with the router's own. */
  requestProblems: Issue[];
  /** Hashes of the recovery codes stored if the change turns two-factor on (`totp.enable`). */
  recoveryCodeHashes?: string[];
  /** The view fields the door renders: the result's view is narrowed to them (`null`: full view). */
  view?: UserViewFields | null;
}

export interface UpdateUserResult {
  user: UserView;
  /** `{field: {from, to}}` of what actually changed (secrets redacted). */
  changes: AuditChanges;
}

const MAX_WEBHOOK_ATTEMPTS = 3;

/**
 * The one update-user operation behind every door: validate, prepare secrets and side effects,
 * then a single statement that checks the session, writes, audits and queues mail.
 */
export async function updateUser(deps: UpdateUserDeps, request: UpdateUserRequest): Promise<UpdateUserResult> {
  await refuseForeignTarget(deps, request);
  const { update, prepared } = await validateAndPrepare(deps, request);
  let plan = planWithEmail(deps, request, update, prepared, emailUnchangedHint(request, update));
  let webhook: { mode: "refuse" } | { mode: "approved"; seenUpdatedAt: Date } = { mode: "refuse" };
  let attempt = 1; // statements on the webhook path (replanning an email does not count)
  for (;;) {
    const outcome = await runStatement(deps.db, request, plan, webhook);
    if (outcome.user) {
      if (plan.email?.mails.length || outcome.alerted) deps.mail.notify();
      const user = toUserView(outcome.user, request.serverAccess, request.view ?? null);
      return { user, changes: outcome.user.auditChanges };
    }
    failOnRefusal(outcome);
    if (!outcome.emailKept) {
      // The address was assumed unchanged but is not (the token predates a change): plan it in full.
      plan = planWithEmail(deps, request, update, prepared, false);
    } else if (outcome.hooked && webhook.mode === "refuse") {
      attempt += 1;
      webhook = { mode: "approved", seenUpdatedAt: await askWebhook(deps, request, update) };
    } else if (webhook.mode === "approved" && !outcome.fresh && attempt < MAX_WEBHOOK_ATTEMPTS) {
      attempt += 1;
      // The user changed while the webhook was deciding: ask again about the current row.
      webhook = { mode: "approved", seenUpdatedAt: await askWebhook(deps, request, update) };
    } else {
      throw conflictingField("", "changed_concurrently");
    }
  }
}

/**
 * Checks an update without writing it: the same authorization and rules as `updateUser`, plus
 * whether a new email or username is taken. Throws what `updateUser` would; resolves if it would
 * be accepted (a webhook, if the project has one, is not asked).
 */
export async function checkUserUpdate(deps: UpdateUserDeps, request: UpdateUserRequest): Promise<void> {
  await refuseForeignTarget(deps, request);
  await validateAndPrepare(deps, request);
  const taken = await takenFieldIssues(deps.db, request.target, request.input as Record<string, unknown>);
  if (taken.length > 0) return invalid(deps, request, taken);
  await readUser(deps.db, request);
}

/**
 * Someone else's account (without server access): refuse before validating anything, so no answer
 * (a password "equal to the current one", a taken email) tells the caller about that account.
 */
async function refuseForeignTarget(deps: UpdateUserDeps, request: UpdateUserRequest): Promise<void> {
  if (!request.serverAccess && !targetsSelf(request)) {
    await readUser(deps.db, { ...request, serverAccess: false, purpose: "update" });
  }
}

function targetsSelf({ session, target }: UpdateUserRequest): boolean {
  if (!session) return false;
  if ("id" in target) return target.id === session.userId;
  return "number" in target && target.number === session.userNumber;
}

/** Invalid input from a revoked session is reported as the revoked session. */
async function invalid(deps: UpdateUserDeps, request: UpdateUserRequest, issues: Issue[]): Promise<never> {
  if (request.session && !(await isSessionLive(deps.db, request.session))) throw appError("session_revoked");
  throw validationError(issues);
}

/** Request problems after which there is nothing to validate: the door could not read the body. */
const UNREADABLE: ReadonlySet<Issue["code"]> = new Set(["not_an_object", "invalid_form_json", "missing_param"]);

function buildUserUpdatePolicy(policy: DoorPolicy, serverAccess: boolean): UserUpdatePolicy {
  return {
    passwordMinLength: policy.passwordMinLength,
    serverAccess,
    userWritableServerInputs: policy.userWritableServerInputs,
    ...(policy.userInputs && { userInputs: policy.userInputs }),
    requiredInputs: policy.requiredInputs,
    lettersOnlyNames: policy.lettersOnlyNames,
  };
}

/** The validator's policies of each frozen door policy (`doors.ts`'s): [user access, server access]. */
const updatePolicies = new WeakMap<DoorPolicy, readonly [UserUpdatePolicy, UserUpdatePolicy]>();

/**
 * The validator's policy for a door's policy and the caller's access. For a frozen door policy
 * (every one `doorPolicy` returns), the same frozen object every time, which the validator then
 * finds its rules by without comparing anything.
 */
export function userUpdatePolicyOf(policy: DoorPolicy, serverAccess: boolean): UserUpdatePolicy {
  if (!Object.isFrozen(policy)) return buildUserUpdatePolicy(policy, serverAccess);
  let pair = updatePolicies.get(policy);
  if (!pair) {
    pair = [Object.freeze(buildUserUpdatePolicy(policy, false)), Object.freeze(buildUserUpdatePolicy(policy, true))];
    updatePolicies.set(policy, pair);
  }
  return pair[serverAccess ? 1 : 0];
}

/**
 * Whether the update sends the caller's own email back as it is (the address their access token
 * was issued with): then it is planned as unchanged, and the statement checks that it is.
 */
function emailUnchangedHint(request: UpdateUserRequest, update: UserUpdate): boolean {
  return update.email !== undefined && targetsSelf(request) && request.session?.tokenEmail === update.email;
}

async function validateAndPrepare(
  deps: UpdateUserDeps,
  request: UpdateUserRequest,
): Promise<{ update: UserUpdate; prepared: PreparedSecrets }> {
  const { policy, target, requestProblems } = request;
  if (requestProblems.some((problem) => UNREADABLE.has(problem.code))) return invalid(deps, request, requestProblems);
  const result = validateUserUpdate(request.input, userUpdatePolicyOf(policy, request.serverAccess));
  if (!result.ok || requestProblems.length > 0) {
    const taken = await takenFieldIssues(deps.db, target, request.input as Record<string, unknown>);
    return invalid(deps, request, dedupe([...requestProblems, ...(result.ok ? [] : result.issues), ...taken]));
  }
  const update = result.value;
  const issues: Issue[] = [];
  const password = await preparePassword(deps.db, target, update, policy, issues, deps.currentPasswordLimit);
  if (issues.length > 0) return invalid(deps, request, issues);
  const totpSecret =
    update.totpSecretBase64 === undefined
      ? {}
      : { totpSecret: update.totpSecretBase64 === null ? null : deps.secretBox.encrypt(update.totpSecretBase64) };
  const prepared: PreparedSecrets = {
    ...password,
    stored: { ...password.stored, ...totpSecret },
    ...(update.totpSecretBase64 !== undefined && {
      recoveryCodeHashes: update.totpSecretBase64 === null ? [] : (request.recoveryCodeHashes ?? []),
    }),
  };
  return { update, prepared };
}

/**
 * The update's plan, with the email sent (if any) planned as a change (link, mails, checks and
 * events, written only if the address really changes) or, when `assumeUnchanged`, as kept.
 */
function planWithEmail(
  deps: UpdateUserDeps,
  request: UpdateUserRequest,
  update: UserUpdate,
  prepared: PreparedSecrets,
  assumeUnchanged: boolean,
): UpdatePlan {
  if (update.email === undefined) return planUpdate(update, prepared);
  const mode = request.policy.emailChange;
  if (assumeUnchanged) return planUpdate(update, { ...prepared, emailKept: { address: update.email, mode } });
  const email = planEmailChange({
    address: update.email,
    mode,
    appUrl: deps.appUrl,
    alreadyVerified: update.emailVerified === true,
  });
  return planUpdate(update, { ...prepared, email });
}

async function runStatement(
  db: Database,
  request: UpdateUserRequest,
  plan: UpdatePlan,
  webhook: { mode: "refuse" } | { mode: "approved"; seenUpdatedAt: Date },
): Promise<UpdateOutcome> {
  const statement = buildUpdateStatement({
    target: request.target,
    projectId: request.projectId,
    session: request.session,
    serverAccess: request.serverAccess,
    plan,
    audit: { door: request.door, requestId: request.requestId, action: "user.update", client: request.client },
    webhook,
    view: request.view ?? null,
  });
  let rows: OutcomeRow[];
  try {
    // One statement, its own transaction: rolled back whole by a deadlock, so safe to run again.
    rows = await retryOnConflict(() => queryRows<OutcomeRow>(db, statement));
  } catch (error) {
    const violation = uniqueViolation(error);
    if (violation) throw conflictError([violation]);
    throw error;
  }
  return readOutcome(rows);
}

/** Turns a failed check of the statement into the caller's error (in order of precedence). */
function failOnRefusal(outcome: UpdateOutcome): void {
  if (!outcome.live) throw appError("session_revoked");
  if (!outcome.found) throw appError("user_not_found");
  if (!outcome.allowed) throw appError("forbidden", { action: "update" });
  if (!outcome.teamOk) throw invalidField("selectedTeamId", "not_team_member");
  if (!outcome.emailFree) throw conflictingField("email", "taken");
  if (!outcome.passwordUnchanged) throw conflictingField("password", "password_changed_concurrently");
}

function askWebhook(deps: UpdateUserDeps, request: UpdateUserRequest, update: UserUpdate): Promise<Date> {
  return approveWithWebhook(deps, { target: request.target, update, door: request.door });
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path}\u0000${issue.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
