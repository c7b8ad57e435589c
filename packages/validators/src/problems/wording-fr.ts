/** The French wording of every problem and refusal (the codes and params of ./wording-en.ts). */
import type { FieldLabel } from "./labels";
import { LABELS_FR } from "./labels-fr";
import type { Wording } from "./wording";
import type { RefreshFailure, WebhookFailure } from "./wording-en";

/** "est trop long" / "est trop longue" / "sont trop longues" — French agreement with the field. */
const fr = (field: FieldLabel, masculine: string, feminine = `${masculine}e`) => {
  const word = field.feminine ? feminine : masculine;
  return field.plural ? `sont ${word}s` : `est ${word}`;
};
const doit = (field: FieldLabel) => (field.plural ? "doivent" : "doit");
const list = (values: readonly string[]) => values.join(", ");

export const PROBLEMS_FR: Wording["problems"] = {
  // --- shape of the request ---------------------------------------------------------------
  not_an_object: () => "La modification doit être un objet JSON",
  unknown_field: () => "Champ inconnu",
  read_only: () => "Ce champ est en lecture seule",
  server_only: () => "Seul un accès serveur peut modifier ce champ",
  exclusive_with: ({ other }, { field, name }) => `Envoyez ${name(other)} ou ${name(field.key)}, pas les deux`,
  only_with: ({ other }, { field, name }) => `${name(field.key)} ne sert qu’avec ${name(other)}`,
  required: (_, { field }) => `${field.text} ${fr(field, "requis")}`,
  invalid_form_json: () => "Le champ json doit être une chaîne JSON valide contenant un objet de champs",
  missing_param: ({ param }) => `paramètre manquant ou vide : ${param}`,

  // --- types and formats --------------------------------------------------------------------
  invalid_type: ({ expected }, { field }) =>
    `${field.text} ${doit(field)} être ${field.expects ?? EXPECTED_FR[expected] ?? `de type ${expected}`}`,
  empty: (_, { field }) => `${field.text} ne peut pas être vide`,
  too_short: ({ minimum }, { field }) => `${field.text} ${fr(field, "trop court")} (${minimum} caractères au minimum)`,
  too_long: ({ maximum }, { field }) =>
    `${field.text} ${fr(field, "trop long", "trop longue")} (${maximum} caractères au maximum)`,
  too_many_items: ({ maximum }, { field }) => `${field.text} ${fr(field, "limité", "limitée")} à ${maximum} entrées`,
  not_one_of: ({ values }, { field }) => `${field.text} ${doit(field)} être l’une des valeurs : ${list(values)}`,
  out_of_range: ({ minimum, maximum }, { field }) =>
    `${field.text} ${doit(field)} être comprise entre ${minimum} et ${maximum}`,
  invalid_email: () => "Adresse e-mail invalide",
  invalid_uuid: (_, { field }) => `${field.text} ${doit(field)} être un UUID`,
  invalid_characters: (_, { field }) =>
    `${field.text} contient des caractères impossibles à enregistrer (NUL ou surrogats isolés)`,
  too_deeply_nested: ({ maximum }) => `La requête est trop imbriquée (${maximum} niveaux au maximum)`,
  letters_only: (_, { field }) => `${field.text} ne doit contenir que des lettres`,

  // --- field rules --------------------------------------------------------------------------
  username_too_short: ({ minimum }) =>
    `Le nom d’utilisateur est trop court une fois nettoyé (${minimum} caractères a-z, 0-9, . et _ au minimum)`,
  invalid_date: () => "La date de naissance doit être une date (AAAA-MM-JJ)",
  date_out_of_range: ({ minimum }) =>
    `La date de naissance doit être comprise entre le ${frenchDate(minimum)} et aujourd’hui`,
  invalid_tag: ({ maximum }, { field }) =>
    `${field.text} ${doit(field)} faire de 1 à ${maximum} caractères parmi lettres, chiffres, _ . : -`,
  invalid_expo_push_token: () => "Le jeton Expo doit être de la forme ExponentPushToken[...] ou ExpoPushToken[...]",
  invalid_project_id: (_, { field }) => `${field.text} doit faire de 1 à 64 caractères parmi lettres, chiffres, _ et -`,
  invalid_url: (_, { field }) => `${field.text} ${doit(field)} être une URL http(s)`,
  invalid_timestamp: (_, { field }) => `${field.text} ${doit(field)} être un horodatage ISO`,

  // --- images -------------------------------------------------------------------------------
  image_not_https: () => "L’image doit être une URL https ou une data URL en base64",
  image_url_too_long: ({ maximum }) => `L’URL de l’image est trop longue (${maximum} caractères au maximum)`,
  image_malformed_data_url: () => "La data URL de l’image doit être de la forme data:image/<type>;base64,<données>",
  image_invalid_base64: () => "Les données de l’image ne sont pas du base64 valide",
  image_too_large: ({ maximumKb }) => `L’image doit faire moins de ${maximumKb} Ko`,
  image_unsupported_type: () => "Ce fichier n’est pas une image PNG, JPEG, GIF, WebP ou AVIF valide",
  image_type_mismatch: ({ actual, declared }) => `Les données de l’image sont en ${actual}, pas en ${declared}`,

  // --- metadata -----------------------------------------------------------------------------
  metadata_too_large: ({ maximumKb }) => `Les métadonnées sont trop volumineuses (${maximumKb} Ko de JSON au maximum)`,
  metadata_too_deep: ({ maximum }) => `Les métadonnées sont trop imbriquées (${maximum} niveaux au maximum)`,
  metadata_key_empty: () => "Les clés des métadonnées ne peuvent pas être vides",
  metadata_key_too_long: ({ maximum }) => `Les clés des métadonnées font au plus ${maximum} caractères`,

  // --- secrets ------------------------------------------------------------------------------
  password_hash_unsupported: () => "L’empreinte doit être un hachage bcrypt ($2a$/$2b$/$2y$) ou argon2id au format MCF",
  password_hash_cost: ({ parameter, minimum, maximum, unit }) =>
    `${parameter} doit être compris entre ${minimum} et ${maximum}${unit ? ` ${unit}` : ""}`,
  invalid_totp_secret: () => "Le secret TOTP doit être du base64 codant de 10 à 64 octets",
  totp_code_format: () => "Le code de double authentification comporte 6 chiffres",
  totp_code_invalid: () => "Ce code est incorrect ou a déjà servi",
  recovery_code_format: () =>
    "Un code de récupération comporte 16 lettres et chiffres, tel qu’affiché à l’enregistrement (ex. ABCD-EFGH-JKMN-PQRS)",
  totp_off: () => "La double authentification est désactivée : activez-la pour obtenir des codes de récupération",
  totp_code_mismatch: () => "Ce code ne correspond pas : vérifiez l’heure de l’appareil et essayez le code suivant",

  // --- rules that need the stored account ---------------------------------------------------
  taken: (_, { field }) =>
    field.key === "email" ? "Cette adresse e-mail est déjà utilisée" : `${field.text} est déjà pris`,
  current_password_required: () => "Le mot de passe actuel est requis pour en définir un nouveau",
  current_password_incorrect: () => "Le mot de passe actuel est incorrect",
  /** Deleting an account: the typed confirmation is not the account's email address. */
  confirmation_mismatch: () => "Saisissez votre adresse e-mail exactement comme indiqué pour confirmer",
  password_unchanged: () => "Le nouveau mot de passe doit être différent de l’actuel",
  /** A door that signs the current session out otherwise (Stack's sessions list refuses to revoke it). */
  current_session: () => "C’est la session en cours : déconnectez-vous plutôt",
  not_team_member: () => "Vous n’êtes pas membre de cette équipe",
  changed_concurrently: () => "Le compte a été modifié entre-temps ; réessayez",
  password_changed_concurrently: () => "Le mot de passe a été modifié entre-temps ; réessayez",
  address_taken_since: () => "Cette adresse est désormais utilisée par un autre compte",
  duplicate: () => "Un enregistrement en conflit existe déjà",
  /** Anything a schema reports without a code of ours (a bug to fix: every schema names codes). */
  invalid: (_, { field }) => `${field.text} est invalide`,
};

const EXPECTED_FR: Record<string, string> = {
  string: "une chaîne de caractères",
  number: "un nombre",
  boolean: "un booléen",
  array: "une liste",
  object: "un objet",
  record: "un objet JSON",
};

function frenchDate(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}

const WEBHOOK_FAILURES: Record<Exclude<WebhookFailure, "status">, string> = {
  timeout: "Le webhook de validation n’a pas répondu à temps",
  unreachable: "Le webhook de validation est injoignable",
  bad_signature: "La réponse du webhook de validation n’est pas correctement signée",
  not_json: "La réponse du webhook de validation n’est pas du JSON",
  no_verdict: "La réponse du webhook de validation n’a pas de booléen « valid »",
};

const REFRESH_FAILURES: Record<RefreshFailure, string> = {
  unknown: "Le jeton de renouvellement est invalide",
  expired: "Le jeton de renouvellement a expiré",
  reused: "Le jeton de renouvellement a déjà servi : la session a été révoquée",
  revoked: "La session a été révoquée ou a expiré",
};

export const REASONS_FR: Wording["reasons"] = {
  /** Invalid input: the issues say what (the message is the only issue's, or a count). */
  validation: ({ count }) => `${count} champs sont invalides`,
  /** A write that collided with another (a taken email, a concurrent change): see the issues. */
  conflict: ({ count }) => `${count} conflits`,
  invalid_json: () => "Le corps de la requête n’est pas du JSON valide",
  token_missing: () => "Authentification requise",
  token_invalid: () => "Le jeton d’accès est invalide",
  token_expired: () => "Le jeton d’accès a expiré",
  session_revoked: () => "La session a été révoquée ou a expiré",
  /** The token is valid, but for another project than the one the request names. */
  project_mismatch: ({ expected, actual }) => `Le jeton d’accès est pour le projet ${actual}, pas ${expected}`,
  invalid_credentials: ({ accountGone }) =>
    accountGone ? "Le compte n’existe plus" : "Adresse e-mail ou mot de passe incorrect",
  invalid_grant: ({ failure }) => REFRESH_FAILURES[failure],
  /** `attemptCode`: Stack's door, where a second request (`/auth/mfa/sign-in`) brings the code. */
  totp_required: () => "La double authentification est activée : envoyez le code actuel",
  totp_invalid: () => "Le code de double authentification est incorrect ou a déjà servi",
  /** Stack Auth's door: the project has a publishable client key and the request sent another one (or none). */
  publishable_key_invalid: ({ missing }) =>
    missing ? "Ce projet exige sa clé client publiable" : "La clé client publiable n’est pas celle de ce projet",
  mailbox_disabled: () => "Les e-mails partent par SMTP : il n’y a pas de boîte de développement",
  csrf_failed: () => "Les appels authentifiés par cookie doivent venir des pages de l’application",
  server_key_invalid: () => "Une clé serveur valide est requise",
  /**
   * Not yours to read or update — or, for `browser_session`, a door that cannot hold a cookie
   * session; for `client_deletion`, a project that has not turned on dialect D's client deletion.
   */
  forbidden: ({ action }) =>
    action === "browser_session"
      ? "Cette porte ne peut pas tenir de session de navigateur"
      : action === "client_deletion"
        ? "La suppression du compte par le client n’est pas activée pour ce projet"
        : `Vous ne pouvez ${action === "read" ? "consulter" : "modifier"} que votre propre compte`,
  /** No such user (or, for `session`, none of the user's sessions has that id). */
  user_not_found: ({ of }) =>
    of === "session"
      ? "Session introuvable"
      : of === "team_project"
        ? "Utilisateur introuvable dans le projet de l’équipe"
        : "Utilisateur introuvable",
  team_not_found: () => "Équipe introuvable",
  webhook_rejected: ({ message }) => message,
  webhook_failed: ({ failure, status }) =>
    failure === "status" ? `Le webhook de validation a répondu ${status}` : WEBHOOK_FAILURES[failure],
  email_token_invalid: () => "Ce lien est invalide, a déjà servi ou a expiré",
  rate_limited: ({ retryAfterSeconds }) => `Trop de tentatives ; réessayez dans ${retryAfterSeconds} s`,
  /** A typed client older than the oldest API version the server answers (`/api/trpc`). */
  client_outdated: ({ clientVersion, declared, serverVersion, minimum }) =>
    `Ce client parle ${clientVersion === null ? `une version d’API illisible (« ${declared} »)` : `la version ${clientVersion} de l’API ProfileHub`} ; ` +
    `ce serveur (version ${serverVersion}) demande la version ${minimum} ou plus récente : mettez à jour @profilehub/client (ou la CLI profilehub)`,
  // Transport-level problems, found by the HTTP doors before the router is called.
  payload_too_large: () => "Le corps de la requête est trop volumineux",
  unsupported_media_type: ({ accepted }) => `Content-Type non pris en charge : envoyez ${accepted.join(" ou ")}`,
  method_not_allowed: ({ method, allowed }) =>
    `La méthode ${method} n’est pas permise ici ; utilisez ${allowed.join(", ")}`,
  /** No route of this API answers the path (an unknown path under an API prefix). */
  route_not_found: ({ method, path }) => `Aucune route ${method} ${path}`,
  unavailable: () => "Service indisponible : la base de données est injoignable",
  internal: () => "Erreur interne du serveur",
};

export const FRENCH_WORDING: Wording = { locale: "fr", labels: LABELS_FR, problems: PROBLEMS_FR, reasons: REASONS_FR };
