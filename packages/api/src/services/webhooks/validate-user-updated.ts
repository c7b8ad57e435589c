import type { WebhookFailure } from "@profilehub/validators";

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
  | { ok: true }
  | { ok: false; reason: "rejected"; message: string }
  | { ok: false; reason: "failed"; failure: { failure: WebhookFailure; status?: number } };

/** How each failure counts in the metrics. */
const OUTCOMES: Record<WebhookFailure, WebhookOutcome> = {
  timeout: "timeout",
  unreachable: "unreachable",
  status: "http_error",
  bad_signature: "bad_signature",
  not_json: "bad_reply",
  no_verdict: "bad_reply",
};

const failed = (failure: WebhookFailure, status?: number): WebhookVerdict => ({
  ok: false,
  reason: "failed",
  failure: status === undefined ? { failure } : { failure, status },
});

function outcomeOf(verdict: WebhookVerdict): WebhookOutcome {
  if (verdict.ok) return "valid";
  return verdict.reason === "rejected" ? "rejected" : OUTCOMES[verdict.failure.failure];
}

/**
 * POSTs `validateUserUpdated` before a write (DESIGN §5) and fails closed: only a signed
 * `{valid: true}` reply within the timeout lets the update through.
 */
export async function callValidateUserUpdated(call: ValidateUserUpdatedCall): Promise<WebhookVerdict> {
  const verdict = await ask(call);
  telemetry().webhookCall(outcomeOf(verdict));
  return verdict;
}

async function ask(call: ValidateUserUpdatedCall): Promise<WebhookVerdict> {
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
    return failed(timedOut ? "timeout" : "unreachable");
  }
  if (status < 200 || status > 299) return failed("status", status);
  if (!isValidSignature(call.secret, reply, replySignature)) return failed("bad_signature");
  let verdict: { valid?: unknown; error?: unknown };
  try {
    verdict = JSON.parse(reply) as typeof verdict;
  } catch {
    return failed("not_json");
  }
  if (verdict.valid === true) return { ok: true };
  if (verdict.valid === false) {
    const message =
      typeof verdict.error === "string" && verdict.error ? verdict.error : "Update rejected by validation";
    return { ok: false, reason: "rejected", message };
  }
  return failed("no_verdict");
}
