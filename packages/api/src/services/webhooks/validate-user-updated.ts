import { telemetry, type WebhookOutcome } from "../../telemetry";
import { hmacHex, isValidSignature } from "./signature";

export interface ValidateUserUpdatedCall {
  url: string;
  secret: string;
  timeoutMs: number;
  data: {
    userId: string;
    projectId: string;
    door: string;
    changes: Record<string, { from: unknown; to: unknown }>;
    user: unknown;
  };
}

export type WebhookVerdict =
  { ok: true } | { ok: false; reason: "rejected"; message: string } | { ok: false; reason: "failed"; message: string };

interface Answer {
  verdict: WebhookVerdict;
  outcome: WebhookOutcome;
}

const failed = (outcome: WebhookOutcome, message: string): Answer => ({
  verdict: { ok: false, reason: "failed", message },
  outcome,
});

/**
 * POSTs `validateUserUpdated` before a write (DESIGN §5) and fails closed: only a signed
 * `{valid: true}` reply within the timeout lets the update through.
 */
export async function callValidateUserUpdated(call: ValidateUserUpdatedCall): Promise<WebhookVerdict> {
  const { verdict, outcome } = await ask(call);
  telemetry().webhookCall(outcome);
  return verdict;
}

async function ask(call: ValidateUserUpdatedCall): Promise<Answer> {
  const timestamp = Date.now();
  const body = JSON.stringify({ type: "validateUserUpdated", timestamp, data: call.data });
  let status: number;
  let reply: string;
  let replySignature: string | null;
  try {
    const response = await fetch(call.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-timestamp": String(timestamp),
        "x-signature": hmacHex(call.secret, `${timestamp}.${body}`),
      },
      body,
      redirect: "error",
      signal: AbortSignal.timeout(call.timeoutMs),
    });
    status = response.status;
    replySignature = response.headers.get("x-response-signature");
    reply = await response.text();
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === "TimeoutError";
    return timedOut
      ? failed("timeout", "The validation webhook did not answer in time")
      : failed("unreachable", "The validation webhook is unreachable");
  }
  if (status < 200 || status > 299)
    return failed("http_error", `The validation webhook answered with status ${status}`);
  if (!isValidSignature(call.secret, reply, replySignature)) {
    return failed("bad_signature", "The validation webhook's reply is not signed correctly");
  }
  let verdict: { valid?: unknown; error?: unknown };
  try {
    verdict = JSON.parse(reply) as typeof verdict;
  } catch {
    return failed("bad_reply", "The validation webhook's reply is not JSON");
  }
  if (verdict.valid === true) return { verdict: { ok: true }, outcome: "valid" };
  if (verdict.valid === false) {
    const message =
      typeof verdict.error === "string" && verdict.error ? verdict.error : "Update rejected by validation";
    return { verdict: { ok: false, reason: "rejected", message }, outcome: "rejected" };
  }
  return failed("bad_reply", 'The validation webhook\'s reply has no boolean "valid"');
}
