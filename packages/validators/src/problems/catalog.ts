/**
 * Every validation problem ProfileHub reports, by stable machine code: the params it carries and
 * its English and French wording. Nothing else in the code base words a problem: schemas name a
 * code, the router adds params, and every door (dialects, the settings UI) renders or maps codes.
 * Codes are part of the API (`error.data.issues[].code`): never rename one.
 */
import type { FieldLabel } from "./labels";

/** What a template gets besides the problem's params: the field, named for the reader. */
export interface WordingContext {
  /** The field's label in this language ("Display name", "Le nom affiché"). */
  field: FieldLabel;
  /** A field name as the reader's API spells it (dialects rename canonical fields). */
  name: (canonicalField: string) => string;
}

type Template<P> = (params: P, context: WordingContext) => string;
interface Wording<P> {
  en: Template<P>;
  fr: Template<P>;
}

/** Declares a problem and the params it carries (`{}` when it needs none). */
const problem = <P extends object = Record<never, never>>(wording: Wording<P>): Wording<P> => wording;

/** "est trop long" / "est trop longue" / "sont trop longues" — French agreement with the field. */
const fr = (field: FieldLabel, masculine: string, feminine = `${masculine}e`) => {
  const word = field.feminine ? feminine : masculine;
  return field.plural ? `sont ${word}s` : `est ${word}`;
};
const doit = (field: FieldLabel) => (field.plural ? "doivent" : "doit");
const list = (values: readonly string[]) => values.join(", ");

export const PROBLEMS = {
  // --- shape of the request ---------------------------------------------------------------
  not_an_object: problem({
    en: () => "The update must be a JSON object",
    fr: () => "La modification doit être un objet JSON",
  }),
  unknown_field: problem({ en: () => "Unknown field", fr: () => "Champ inconnu" }),
  read_only: problem({ en: () => "This field is read-only", fr: () => "Ce champ est en lecture seule" }),
  server_only: problem({
    en: () => "Only server access can change this field",
    fr: () => "Seul un accès serveur peut modifier ce champ",
  }),
  exclusive_with: problem<{ other: string }>({
    en: ({ other }, { field, name }) => `Send either ${name(other)} or ${name(field.key)}, not both`,
    fr: ({ other }, { field, name }) => `Envoyez ${name(other)} ou ${name(field.key)}, pas les deux`,
  }),
  only_with: problem<{ other: string }>({
    en: ({ other }, { field, name }) => `${name(field.key)} is only used with ${name(other)}`,
    fr: ({ other }, { field, name }) => `${name(field.key)} ne sert qu’avec ${name(other)}`,
  }),
  required: problem({
    en: (_, { field }) => `${field.text} is required`,
    fr: (_, { field }) => `${field.text} ${fr(field, "requis")}`,
  }),
  invalid_form_json: problem({
    en: () => "The json field must be a valid JSON string holding an object of fields",
    fr: () => "Le champ json doit être une chaîne JSON valide contenant un objet de champs",
  }),
  missing_param: problem<{ param: string }>({
    en: ({ param }) => `param is missing or the value is empty: ${param}`,
    fr: ({ param }) => `paramètre manquant ou vide : ${param}`,
  }),

  // --- types and formats --------------------------------------------------------------------
  invalid_type: problem<{ expected: string }>({
    en: ({ expected }, { field }) =>
      `${field.text} must be ${field.expects ?? EXPECTED_EN[expected] ?? `a ${expected}`}`,
    fr: ({ expected }, { field }) =>
      `${field.text} ${doit(field)} être ${field.expects ?? EXPECTED_FR[expected] ?? `de type ${expected}`}`,
  }),
  empty: problem({
    en: (_, { field }) => `${field.text} cannot be empty (send null to clear it)`,
    fr: (_, { field }) => `${field.text} ne peut pas être vide`,
  }),
  too_short: problem<{ minimum: number }>({
    en: ({ minimum }, { field }) => `${field.text} is too short (minimum is ${minimum} characters)`,
    fr: ({ minimum }, { field }) => `${field.text} ${fr(field, "trop court")} (${minimum} caractères au minimum)`,
  }),
  too_long: problem<{ maximum: number }>({
    en: ({ maximum }, { field }) => `${field.text} is too long (maximum is ${maximum} characters)`,
    fr: ({ maximum }, { field }) =>
      `${field.text} ${fr(field, "trop long", "trop longue")} (${maximum} caractères au maximum)`,
  }),
  too_many_items: problem<{ maximum: number }>({
    en: ({ maximum }, { field }) => `${field.text} can hold at most ${maximum} entries`,
    fr: ({ maximum }, { field }) => `${field.text} ${fr(field, "limité", "limitée")} à ${maximum} entrées`,
  }),
  not_one_of: problem<{ values: readonly string[] }>({
    en: ({ values }, { field }) => `${field.text} must be one of: ${list(values)}`,
    fr: ({ values }, { field }) => `${field.text} ${doit(field)} être l’une des valeurs : ${list(values)}`,
  }),
  out_of_range: problem<{ minimum: number; maximum: number }>({
    en: ({ minimum, maximum }, { field }) => `${field.text} must be between ${minimum} and ${maximum}`,
    fr: ({ minimum, maximum }, { field }) =>
      `${field.text} ${doit(field)} être comprise entre ${minimum} et ${maximum}`,
  }),
  invalid_email: problem({ en: () => "Email is invalid", fr: () => "Adresse e-mail invalide" }),
  invalid_uuid: problem({
    en: (_, { field }) => `${field.text} must be a UUID`,
    fr: (_, { field }) => `${field.text} ${doit(field)} être un UUID`,
  }),
  invalid_characters: problem({
    en: (_, { field }) => `${field.text} contains characters that cannot be stored (NUL or unpaired surrogates)`,
    fr: (_, { field }) => `${field.text} contient des caractères impossibles à enregistrer (NUL ou surrogats isolés)`,
  }),
  too_deeply_nested: problem<{ maximum: number }>({
    en: ({ maximum }) => `The request is nested too deeply (maximum is ${maximum} levels)`,
    fr: ({ maximum }) => `La requête est trop imbriquée (${maximum} niveaux au maximum)`,
  }),
  letters_only: problem({
    en: (_, { field }) => `${field.text} must contain only letters`,
    fr: (_, { field }) => `${field.text} ne doit contenir que des lettres`,
  }),

  // --- field rules --------------------------------------------------------------------------
  username_too_short: problem<{ minimum: number }>({
    en: ({ minimum }) =>
      `Username is too short after sanitizing (minimum is ${minimum} characters of a-z, 0-9, . and _)`,
    fr: ({ minimum }) =>
      `Le nom d’utilisateur est trop court une fois nettoyé (${minimum} caractères a-z, 0-9, . et _ au minimum)`,
  }),
  invalid_date: problem({
    en: () => "Birthdate must be an ISO date (YYYY-MM-DD)",
    fr: () => "La date de naissance doit être une date (AAAA-MM-JJ)",
  }),
  date_out_of_range: problem<{ minimum: string }>({
    en: ({ minimum }) => `Birthdate must be between ${minimum} and today`,
    fr: ({ minimum }) => `La date de naissance doit être comprise entre le ${frenchDate(minimum)} et aujourd’hui`,
  }),
  invalid_tag: problem<{ maximum: number }>({
    en: ({ maximum }, { field }) => `${field.text} must be 1-${maximum} characters of letters, digits, _ . : -`,
    fr: ({ maximum }, { field }) =>
      `${field.text} ${doit(field)} faire de 1 à ${maximum} caractères parmi lettres, chiffres, _ . : -`,
  }),
  invalid_expo_push_token: problem({
    en: () => "Expo push token must be in format ExponentPushToken[...] or ExpoPushToken[...]",
    fr: () => "Le jeton Expo doit être de la forme ExponentPushToken[...] ou ExpoPushToken[...]",
  }),
  invalid_project_id: problem({
    en: (_, { field }) => `${field.text} must be 1-64 characters of letters, digits, _ and -`,
    fr: (_, { field }) => `${field.text} doit faire de 1 à 64 caractères parmi lettres, chiffres, _ et -`,
  }),
  invalid_url: problem({
    en: (_, { field }) => `${field.text} must be an http(s) URL`,
    fr: (_, { field }) => `${field.text} ${doit(field)} être une URL http(s)`,
  }),
  invalid_timestamp: problem({
    en: (_, { field }) => `${field.text} must be an ISO timestamp`,
    fr: (_, { field }) => `${field.text} ${doit(field)} être un horodatage ISO`,
  }),

  // --- images -------------------------------------------------------------------------------
  image_not_https: problem({
    en: () => "Image must be an https URL or a base64 data URL",
    fr: () => "L’image doit être une URL https ou une data URL en base64",
  }),
  image_url_too_long: problem<{ maximum: number }>({
    en: ({ maximum }) => `Image URL is too long (maximum is ${maximum} characters)`,
    fr: ({ maximum }) => `L’URL de l’image est trop longue (${maximum} caractères au maximum)`,
  }),
  image_malformed_data_url: problem({
    en: () => "Image data URL must look like data:image/<type>;base64,<data>",
    fr: () => "La data URL de l’image doit être de la forme data:image/<type>;base64,<données>",
  }),
  image_invalid_base64: problem({
    en: () => "Image data is not valid base64",
    fr: () => "Les données de l’image ne sont pas du base64 valide",
  }),
  image_too_large: problem<{ maximumKb: number }>({
    en: ({ maximumKb }) => `Image must be smaller than ${maximumKb} KB`,
    fr: ({ maximumKb }) => `L’image doit faire moins de ${maximumKb} Ko`,
  }),
  image_unsupported_type: problem({
    en: () => "Image data is not a PNG, JPEG, GIF, WebP or AVIF image",
    fr: () => "Ce fichier n’est pas une image PNG, JPEG, GIF, WebP ou AVIF valide",
  }),
  image_type_mismatch: problem<{ actual: string; declared: string }>({
    en: ({ actual, declared }) => `Image data is ${actual}, not ${declared}`,
    fr: ({ actual, declared }) => `Les données de l’image sont en ${actual}, pas en ${declared}`,
  }),

  // --- metadata -----------------------------------------------------------------------------
  metadata_too_large: problem<{ maximumKb: number }>({
    en: ({ maximumKb }) => `Metadata is too large (maximum is ${maximumKb} KB as JSON)`,
    fr: ({ maximumKb }) => `Les métadonnées sont trop volumineuses (${maximumKb} Ko de JSON au maximum)`,
  }),
  metadata_too_deep: problem<{ maximum: number }>({
    en: ({ maximum }) => `Metadata is nested too deeply (maximum is ${maximum} levels)`,
    fr: ({ maximum }) => `Les métadonnées sont trop imbriquées (${maximum} niveaux au maximum)`,
  }),
  metadata_key_empty: problem({
    en: () => "Metadata keys cannot be empty",
    fr: () => "Les clés des métadonnées ne peuvent pas être vides",
  }),
  metadata_key_too_long: problem<{ maximum: number }>({
    en: ({ maximum }) => `Metadata keys are at most ${maximum} characters`,
    fr: ({ maximum }) => `Les clés des métadonnées font au plus ${maximum} caractères`,
  }),

  // --- secrets ------------------------------------------------------------------------------
  password_hash_unsupported: problem({
    en: () => "Password hash must be a bcrypt ($2a$/$2b$/$2y$) or argon2id hash in Modular Crypt Format",
    fr: () => "L’empreinte doit être un hachage bcrypt ($2a$/$2b$/$2y$) ou argon2id au format MCF",
  }),
  password_hash_cost: problem<{ parameter: string; minimum: number; maximum: number; unit?: string }>({
    en: ({ parameter, minimum, maximum, unit }) =>
      `${parameter} must be between ${minimum} and ${maximum}${unit ? ` ${unit}` : ""}`,
    fr: ({ parameter, minimum, maximum, unit }) =>
      `${parameter} doit être compris entre ${minimum} et ${maximum}${unit ? ` ${unit}` : ""}`,
  }),
  invalid_totp_secret: problem({
    en: () => "TOTP secret must be base64 encoding 10 to 64 bytes",
    fr: () => "Le secret TOTP doit être du base64 codant de 10 à 64 octets",
  }),
  totp_code_format: problem({
    en: () => "The two-factor code is 6 digits",
    fr: () => "Le code de double authentification comporte 6 chiffres",
  }),
  totp_code_invalid: problem({
    en: () => "This code is wrong or was already used",
    fr: () => "Ce code est incorrect ou a déjà servi",
  }),
  recovery_code_format: problem({
    en: () => "A recovery code is 16 letters and digits, as shown when it was saved (e.g. ABCD-EFGH-JKMN-PQRS)",
    fr: () =>
      "Un code de récupération comporte 16 lettres et chiffres, tel qu’affiché à l’enregistrement (ex. ABCD-EFGH-JKMN-PQRS)",
  }),
  totp_off: problem({
    en: () => "Two-factor authentication is off: turn it on to get recovery codes",
    fr: () => "La double authentification est désactivée : activez-la pour obtenir des codes de récupération",
  }),
  totp_code_mismatch: problem({
    en: () => "This code does not match: check the app's clock and try the next code",
    fr: () => "Ce code ne correspond pas : vérifiez l’heure de l’appareil et essayez le code suivant",
  }),

  // --- rules that need the stored account ---------------------------------------------------
  taken: problem({
    en: (_, { field }) => `${field.text} has already been taken`,
    fr: (_, { field }) =>
      field.key === "email" ? "Cette adresse e-mail est déjà utilisée" : `${field.text} est déjà pris`,
  }),
  current_password_required: problem({
    en: () => "Current password is required to set a new password",
    fr: () => "Le mot de passe actuel est requis pour en définir un nouveau",
  }),
  current_password_incorrect: problem({
    en: () => "Current password is incorrect",
    fr: () => "Le mot de passe actuel est incorrect",
  }),
  /** Deleting an account: the typed confirmation is not the account's email address. */
  confirmation_mismatch: problem({
    en: () => "Type your email address exactly as shown to confirm",
    fr: () => "Saisissez votre adresse e-mail exactement comme indiqué pour confirmer",
  }),
  password_unchanged: problem({
    en: () => "New password must be different from the current password",
    fr: () => "Le nouveau mot de passe doit être différent de l’actuel",
  }),
  /** A door that signs the current session out otherwise (Stack's sessions list refuses to revoke it). */
  current_session: problem({
    en: () => "This is the current session: sign out instead",
    fr: () => "C’est la session en cours : déconnectez-vous plutôt",
  }),
  not_team_member: problem({
    en: () => "You are not a member of this team",
    fr: () => "Vous n’êtes pas membre de cette équipe",
  }),
  changed_concurrently: problem({
    en: () => "The user was changed by another request; try again",
    fr: () => "Le compte a été modifié entre-temps ; réessayez",
  }),
  password_changed_concurrently: problem({
    en: () => "The password was changed by another request; try again",
    fr: () => "Le mot de passe a été modifié entre-temps ; réessayez",
  }),
  address_taken_since: problem({
    en: () => "This address is now used by another account",
    fr: () => "Cette adresse est désormais utilisée par un autre compte",
  }),
  duplicate: problem({
    en: () => "A conflicting record already exists",
    fr: () => "Un enregistrement en conflit existe déjà",
  }),
  /** Anything a schema reports without a code of ours (a bug to fix: every schema names codes). */
  invalid: problem({
    en: (_, { field }) => `${field.text} is invalid`,
    fr: (_, { field }) => `${field.text} est invalide`,
  }),
} as const;

export type ProblemCode = keyof typeof PROBLEMS;
export const PROBLEM_CODES = Object.keys(PROBLEMS) as ProblemCode[];

/** The params of a problem code (`{}` when it carries none). */
export type ProblemParams<C extends ProblemCode> = Parameters<(typeof PROBLEMS)[C]["en"]>[0];

export function isProblemCode(value: unknown): value is ProblemCode {
  return typeof value === "string" && Object.hasOwn(PROBLEMS, value);
}

const EXPECTED_EN: Record<string, string> = {
  string: "a string",
  number: "a number",
  boolean: "a boolean",
  array: "an array",
  object: "an object",
  record: "a JSON object",
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
