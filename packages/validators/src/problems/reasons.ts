/**
 * Why a call was refused, by stable machine code (`error.data.reason` on the native API): the
 * params each reason carries and its English and French wording. Every door maps reasons — in an
 * exhaustive table — to its documented status and body; nothing matches the wording.
 */
import type { Locale } from "../form-checks";

type Template<P> = (params: P) => string;
const reason = <P extends object = Record<never, never>>(wording: { en: Template<P>; fr: Template<P> }) => wording;

const seconds = (value: number) => `${value} second${value === 1 ? "" : "s"}`;

const WEBHOOK_FAILURES = {
  timeout: {
    en: "The validation webhook did not answer in time",
    fr: "Le webhook de validation n’a pas répondu à temps",
  },
  unreachable: { en: "The validation webhook is unreachable", fr: "Le webhook de validation est injoignable" },
  bad_signature: {
    en: "The validation webhook's reply is not signed correctly",
    fr: "La réponse du webhook de validation n’est pas correctement signée",
  },
  not_json: {
    en: "The validation webhook's reply is not JSON",
    fr: "La réponse du webhook de validation n’est pas du JSON",
  },
  no_verdict: {
    en: 'The validation webhook\'s reply has no boolean "valid"',
    fr: "La réponse du webhook de validation n’a pas de booléen « valid »",
  },
} as const;
export type WebhookFailure = keyof typeof WEBHOOK_FAILURES | "status";

const REFRESH_FAILURES = {
  unknown: { en: "Refresh token is invalid", fr: "Le jeton de renouvellement est invalide" },
  expired: { en: "Refresh token has expired", fr: "Le jeton de renouvellement a expiré" },
  reused: {
    en: "Refresh token was already used: the session has been revoked",
    fr: "Le jeton de renouvellement a déjà servi : la session a été révoquée",
  },
  revoked: { en: "Session has been revoked or has expired", fr: "La session a été révoquée ou a expiré" },
} as const;
export type RefreshFailure = keyof typeof REFRESH_FAILURES;

export const REASONS = {
  /** Invalid input: the issues say what (the message is the only issue's, or a count). */
  validation: reason<{ count: number }>({
    en: ({ count }) => `${count} fields are invalid`,
    fr: ({ count }) => `${count} champs sont invalides`,
  }),
  /** A write that collided with another (a taken email, a concurrent change): see the issues. */
  conflict: reason<{ count: number }>({
    en: ({ count }) => `${count} conflicts`,
    fr: ({ count }) => `${count} conflits`,
  }),
  invalid_json: reason({
    en: () => "Request body is not valid JSON",
    fr: () => "Le corps de la requête n’est pas du JSON valide",
  }),
  token_missing: reason({ en: () => "Authentication required", fr: () => "Authentification requise" }),
  token_invalid: reason({ en: () => "Access token is invalid", fr: () => "Le jeton d’accès est invalide" }),
  token_expired: reason({ en: () => "Access token has expired", fr: () => "Le jeton d’accès a expiré" }),
  session_revoked: reason({
    en: () => "Session has been revoked or has expired",
    fr: () => "La session a été révoquée ou a expiré",
  }),
  /** The token is valid, but for another project than the one the request names. */
  project_mismatch: reason<{ expected: string; actual: string }>({
    en: ({ expected, actual }) => `Access token is for project ${actual}, not ${expected}`,
    fr: ({ expected, actual }) => `Le jeton d’accès est pour le projet ${actual}, pas ${expected}`,
  }),
  invalid_credentials: reason<{ accountGone?: boolean }>({
    en: ({ accountGone }) => (accountGone ? "The account no longer exists" : "Invalid email or password"),
    fr: ({ accountGone }) => (accountGone ? "Le compte n’existe plus" : "Adresse e-mail ou mot de passe incorrect"),
  }),
  invalid_grant: reason<{ failure: RefreshFailure }>({
    en: ({ failure }) => REFRESH_FAILURES[failure].en,
    fr: ({ failure }) => REFRESH_FAILURES[failure].fr,
  }),
  /** `attemptCode`: Stack's door, where a second request (`/auth/mfa/sign-in`) brings the code. */
  totp_required: reason<{ attemptCode?: string }>({
    en: () => "Two-factor authentication is on: send the current code as totp",
    fr: () => "La double authentification est activée : envoyez le code actuel",
  }),
  totp_invalid: reason({
    en: () => "The two-factor code is wrong or was already used",
    fr: () => "Le code de double authentification est incorrect ou a déjà servi",
  }),
  /** Stack Auth's door: the project has a publishable client key and the request sent another one (or none). */
  publishable_key_invalid: reason<{ projectId: string; missing: boolean }>({
    en: ({ missing }) =>
      missing ? "This project requires its publishable client key" : "The publishable client key is not this project's",
    fr: ({ missing }) =>
      missing ? "Ce projet exige sa clé client publiable" : "La clé client publiable n’est pas celle de ce projet",
  }),
  mailbox_disabled: reason({
    en: () => "Mail is sent through SMTP: there is no development mailbox",
    fr: () => "Les e-mails partent par SMTP : il n’y a pas de boîte de développement",
  }),
  csrf_failed: reason({
    en: () => "Cookie-authenticated calls must come from the app's pages",
    fr: () => "Les appels authentifiés par cookie doivent venir des pages de l’application",
  }),
  server_key_invalid: reason({
    en: () => "A valid server key is required",
    fr: () => "Une clé serveur valide est requise",
  }),
  /**
   * Not yours to read or update — or, for `browser_session`, a door that cannot hold a cookie
   * session; for `client_deletion`, a project that has not turned on dialect D's client deletion.
   */
  forbidden: reason<{ action: "read" | "update" | "browser_session" | "client_deletion" }>({
    en: ({ action }) =>
      action === "browser_session"
        ? "This door cannot hold a browser session"
        : action === "client_deletion"
          ? "Client user deletion is not enabled for this project"
          : `You can only ${action} your own account`,
    fr: ({ action }) =>
      action === "browser_session"
        ? "Cette porte ne peut pas tenir de session de navigateur"
        : action === "client_deletion"
          ? "La suppression du compte par le client n’est pas activée pour ce projet"
          : `Vous ne pouvez ${action === "read" ? "consulter" : "modifier"} que votre propre compte`,
  }),
  /** No such user (or, for `session`, none of the user's sessions has that id). */
  user_not_found: reason<{ of?: "team_project" | "session" }>({
    en: ({ of }) =>
      of === "session"
        ? "No such session"
        : of === "team_project"
          ? "User not found in the team's project"
          : "User not found",
    fr: ({ of }) =>
      of === "session"
        ? "Session introuvable"
        : of === "team_project"
          ? "Utilisateur introuvable dans le projet de l’équipe"
          : "Utilisateur introuvable",
  }),
  team_not_found: reason({ en: () => "Team not found", fr: () => "Équipe introuvable" }),
  webhook_rejected: reason<{ message: string }>({ en: ({ message }) => message, fr: ({ message }) => message }),
  webhook_failed: reason<{ failure: WebhookFailure; status?: number }>({
    en: ({ failure, status }) =>
      failure === "status" ? `The validation webhook answered with status ${status}` : WEBHOOK_FAILURES[failure].en,
    fr: ({ failure, status }) =>
      failure === "status" ? `Le webhook de validation a répondu ${status}` : WEBHOOK_FAILURES[failure].fr,
  }),
  email_token_invalid: reason({
    en: () => "This link is invalid, already used or expired",
    fr: () => "Ce lien est invalide, a déjà servi ou a expiré",
  }),
  rate_limited: reason<{ retryAfterSeconds: number }>({
    en: ({ retryAfterSeconds }) => `Too many attempts; try again in ${seconds(retryAfterSeconds)}`,
    fr: ({ retryAfterSeconds }) => `Trop de tentatives ; réessayez dans ${retryAfterSeconds} s`,
  }),
  /** A typed client older than the oldest API version the server answers (`/api/trpc`). */
  client_outdated: reason<{ clientVersion: number | null; declared: string; serverVersion: number; minimum: number }>({
    en: ({ clientVersion, declared, serverVersion, minimum }) =>
      `This client speaks ${clientVersion === null ? `an unreadable API version ("${declared}")` : `ProfileHub API version ${clientVersion}`}; ` +
      `this server (API version ${serverVersion}) needs version ${minimum} or newer: update @profilehub/client (or the profilehub CLI)`,
    fr: ({ clientVersion, declared, serverVersion, minimum }) =>
      `Ce client parle ${clientVersion === null ? `une version d’API illisible (« ${declared} »)` : `la version ${clientVersion} de l’API ProfileHub`} ; ` +
      `ce serveur (version ${serverVersion}) demande la version ${minimum} ou plus récente : mettez à jour @profilehub/client (ou la CLI profilehub)`,
  }),
  // Transport-level problems, found by the HTTP doors before the router is called.
  payload_too_large: reason<{ maximumBytes?: number }>({
    en: () => "Request body is too large",
    fr: () => "Le corps de la requête est trop volumineux",
  }),
  unsupported_media_type: reason<{ accepted: readonly string[] }>({
    en: ({ accepted }) => `Unsupported Content-Type: send ${accepted.join(" or ")}`,
    fr: ({ accepted }) => `Content-Type non pris en charge : envoyez ${accepted.join(" ou ")}`,
  }),
  method_not_allowed: reason<{ method: string; allowed: readonly string[] }>({
    en: ({ method, allowed }) => `Method ${method} is not allowed here; use ${allowed.join(", ")}`,
    fr: ({ method, allowed }) => `La méthode ${method} n’est pas permise ici ; utilisez ${allowed.join(", ")}`,
  }),
  /** No route of this API answers the path (an unknown path under an API prefix). */
  route_not_found: reason<{ method: string; path: string }>({
    en: ({ method, path }) => `No route ${method} ${path}`,
    fr: ({ method, path }) => `Aucune route ${method} ${path}`,
  }),
  unavailable: reason({
    en: () => "Service unavailable: the database cannot be reached",
    fr: () => "Service indisponible : la base de données est injoignable",
  }),
  internal: reason({ en: () => "Internal server error", fr: () => "Erreur interne du serveur" }),
} as const;

export type ErrorReason = keyof typeof REASONS;
export const ERROR_REASON_CODES = Object.keys(REASONS) as ErrorReason[];

/** The params of a reason (`{}` when it carries none). */
export type ReasonParams<R extends ErrorReason> = Parameters<(typeof REASONS)[R]["en"]>[0];

export type ReasonParamsArgument<R extends ErrorReason> =
  Record<never, never> extends ReasonParams<R> ? [params?: ReasonParams<R> & object] : [params: ReasonParams<R>];

export function isErrorReason(value: unknown): value is ErrorReason {
  return typeof value === "string" && Object.hasOwn(REASONS, value);
}

/** The sentence for a refusal in a language. */
export function renderReason(reasonCode: ErrorReason, params: object | undefined, locale: Locale): string {
  const wording = REASONS[reasonCode] as unknown as Record<Locale, (params: object) => string>;
  return wording[locale](params ?? {});
}
