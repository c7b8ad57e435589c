import { defineRoute, type DoorAdapter } from "@/server/http/define-route";

import { asObject } from "../shared/fields";
import { authFailed } from "./auth-errors";
import { currentUserDoor } from "./door";
import { KnownErrors, stackErrorResponse } from "./known-errors";
import { projectIdOf, stackAccessType } from "./stack-auth";

/** The OAuth token endpoint is form-encoded (RFC 6749), like Stack's. */
export const oauthTokenDoor: DoorAdapter = { ...currentUserDoor, acceptsForm: true };

/** Email and password as sent (validated by the router), and the project the request names. */
type StackCredentials = { projectId: string; email: string; password: string };

const noStore = { "cache-control": "no-store" };

/** `POST /api/v1/auth/password/sign-in` and `/sign-up`: `{email, password}` → Stack's tokens. */
const passwordRoute = (kind: "signIn" | "signUp") =>
  defineRoute(currentUserDoor, async ({ request, caller, ctx, body }) => {
    const access = stackAccessType(request);
    if (!access.ok) return stackErrorResponse(access.error, request);
    const object = asObject(body) ?? {};
    try {
      // Checked by the router (SCHEMA_ERROR naming each problem).
      const input = { projectId: projectIdOf(request) ?? "", email: object.email, password: object.password };
      const tokens = await caller.stack[kind](input as StackCredentials);
      const answer = { access_token: tokens.accessToken, refresh_token: tokens.refreshToken, user_id: tokens.userId };
      return Response.json(answer, { headers: noStore });
    } catch (error) {
      return authFailed(error, request, ctx.requestId, object.email);
    }
  });

export const passwordSignIn = passwordRoute("signIn");
export const passwordSignUp = passwordRoute("signUp");

/**
 * `POST /api/v1/auth/mfa/sign-in` `{type: "totp", totp, code}` (the SDK's `signInWithMfa`): the
 * attempt code of MULTI_FACTOR_AUTHENTICATION_REQUIRED and the current TOTP code → Stack's tokens.
 */
export const mfaSignIn = defineRoute(currentUserDoor, async ({ request, caller, ctx, body }) => {
  const access = stackAccessType(request);
  if (!access.ok) return stackErrorResponse(access.error, request);
  const object = asObject(body) ?? {};
  if (object.type !== "totp") {
    const problem = "body.type must be one of the following values: totp";
    return stackErrorResponse(KnownErrors.schemaError(request, [problem]), request);
  }
  try {
    const input = { projectId: projectIdOf(request) ?? "", attemptCode: object.code, totp: object.totp };
    const tokens = await caller.stack.mfaSignIn(input as { projectId: string; attemptCode: string; totp: string });
    const answer = {
      access_token: tokens.accessToken,
      refresh_token: tokens.refreshToken,
      is_new_user: false,
      user_id: tokens.userId,
    };
    return Response.json(answer, { headers: noStore });
  } catch (error) {
    return authFailed(error, request, ctx.requestId);
  }
});

/** The SDK sends this `client_secret` when it was given no publishable key. */
const NO_PUBLISHABLE_KEY = "__stack_public_client__";

/**
 * `POST /api/v1/auth/oauth/token`, the refresh grant Stack's SDK uses (`client_id` = project id,
 * `client_secret` = publishable key): a new access token, the same refresh token.
 */
export const oauthToken = defineRoute(oauthTokenDoor, async ({ request, caller, ctx, body }) => {
  const form = asObject(body) ?? {};
  if (form.grant_type !== "refresh_token") {
    const problem = `body.grant_type must be one of the following values: refresh_token`;
    return stackErrorResponse(KnownErrors.schemaError(request, [problem]), request);
  }
  const clientId = typeof form.client_id === "string" ? form.client_id : null;
  if (!clientId) return stackErrorResponse(KnownErrors.invalidOAuthClientIdOrSecret(clientId), request);
  try {
    const secret = typeof form.client_secret === "string" ? form.client_secret : null;
    const tokens = await caller.stack.refresh({
      projectId: clientId,
      refreshToken: form.refresh_token as string,
      publishableClientKey: secret === NO_PUBLISHABLE_KEY ? null : secret,
    });
    const answer = {
      access_token: tokens.accessToken,
      refresh_token: tokens.refreshToken,
      token_type: "Bearer",
      expires_in: tokens.expiresIn,
    };
    return Response.json(answer, { headers: noStore });
  } catch (error) {
    return authFailed(error, request, ctx.requestId, undefined, clientId);
  }
});
