import type { Locale } from "@profilehub/validators";

/**
 * French for the validation messages of the shared schemas (packages/validators) and the router.
 * The schemas stay the single source of the rules and speak English; the UI translates the
 * messages it knows and shows any other one as it came.
 */
const FRENCH: [RegExp, (match: RegExpExecArray) => string][] = [
  [
    /^(Display name|First name|Last name) is too long \(maximum is (\d+) characters\)$/,
    (m) => `${frField(m[1])} est trop long (${m[2]} caractères au maximum)`,
  ],
  [/^(Display name|First name|Last name) cannot be empty.*$/, (m) => `${frField(m[1])} ne peut pas être vide`],
  [
    /^Bio is too long \(maximum is (\d+) characters\)$/,
    (m) => `La bio est trop longue (${m[1]} caractères au maximum)`,
  ],
  [
    /^Username is too short after sanitizing \(minimum is (\d+) characters.*\)$/,
    (m) => `Le nom d’utilisateur est trop court une fois nettoyé (${m[1]} caractères a-z, 0-9, . et _ au minimum)`,
  ],
  [
    /^Username is too long \(maximum is (\d+) characters\)$/,
    (m) => `Le nom d’utilisateur est trop long (${m[1]} caractères au maximum)`,
  ],
  [/^Username has already been taken$/, () => "Ce nom d’utilisateur est déjà pris"],
  [/^Email has already been taken$/, () => "Cette adresse e-mail est déjà utilisée"],
  [/^This address is now used by another account$/, () => "Cette adresse est désormais utilisée par un autre compte"],
  [/^This link is invalid, already used or expired$/, () => "Ce lien est invalide, a déjà servi ou a expiré"],
  [/^Email is invalid$/, () => "Adresse e-mail invalide"],
  [/^Email is too long.*$/, () => "L’adresse e-mail est trop longue (254 caractères au maximum)"],
  [/^Birthdate must be an ISO date.*$/, () => "La date de naissance doit être une date (AAAA-MM-JJ)"],
  [
    /^Birthdate must be between 1900-01-01 and today$/,
    () => "La date de naissance doit être comprise entre le 01/01/1900 et aujourd’hui",
  ],
  [
    /^(Longitude|Latitude) must be between (-?\d+) and (\d+)$/,
    (m) => `La ${m[1]!.toLowerCase()} doit être comprise entre ${m[2]} et ${m[3]}`,
  ],
  [/^(Longitude|Latitude) must be a number$/, (m) => `La ${m[1]!.toLowerCase()} doit être un nombre`],
  [
    /^Password is too short \(minimum is (\d+) characters\)$/,
    (m) => `Le mot de passe est trop court (${m[1]} caractères au minimum)`,
  ],
  [
    /^Password is too long \(maximum is (\d+) characters\)$/,
    (m) => `Le mot de passe est trop long (${m[1]} caractères au maximum)`,
  ],
  [/^Current password is incorrect$/, () => "Le mot de passe actuel est incorrect"],
  [/^Current password is required.*$/, () => "Le mot de passe actuel est requis pour en définir un nouveau"],
  [
    /^New password must be different from the current password$/,
    () => "Le nouveau mot de passe doit être différent de l’actuel",
  ],
  [/^The two-factor code is 6 digits$/, () => "Le code de double authentification comporte 6 chiffres"],
  [/^This code is wrong or was already used$/, () => "Ce code est incorrect ou a déjà servi"],
  [
    /^This code does not match.*$/,
    () => "Ce code ne correspond pas : vérifiez l’heure de l’appareil et essayez le code suivant",
  ],
  [/^Image must be smaller than 100 KB$/, () => "L’image doit faire moins de 100 Ko"],
  [/^Image data is .*$/, () => "Ce fichier n’est pas une image PNG, JPEG, GIF, WebP ou AVIF valide"],
  [/^Metadata is too large.*$/, () => "Les métadonnées sont trop volumineuses (64 Ko de JSON au maximum)"],
  [/^Metadata keys .*$/, () => "Les clés des métadonnées doivent faire de 1 à 200 caractères"],
  [/^The user was changed by another request; try again$/, () => "Le compte a été modifié entre-temps ; réessayez"],
];

const FR_FIELDS: Record<string, string> = {
  "Display name": "Le nom affiché",
  "First name": "Le prénom",
  "Last name": "Le nom",
};

function frField(name: string | undefined): string {
  return FR_FIELDS[name ?? ""] ?? name ?? "";
}

export function translateIssue(message: string, locale: Locale): string {
  if (locale === "en") return message;
  for (const [pattern, french] of FRENCH) {
    const match = pattern.exec(message);
    if (match) return french(match);
  }
  return message;
}
