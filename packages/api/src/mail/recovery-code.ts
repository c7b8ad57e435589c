import type { Locale } from "@profilehub/validators";

import { render, type RenderedMail } from "./templates";

/** The security alert after a recovery code signed the account in, in the account's language. */
export function recoveryCodeUsedMail(locale: Locale, device: string): RenderedMail {
  if (locale === "fr") {
    return render("Un code de récupération a été utilisé", [
      `Un code de récupération de double authentification vient d’ouvrir une session sur votre compte ProfileHub (${device}). Ce code ne servira plus.`,
      "Si c’était vous, pensez à générer de nouveaux codes s’il vous en reste peu (Compte → Double authentification).",
      "Si ce n’était pas vous, changez votre mot de passe, régénérez vos codes de récupération et fermez les sessions inconnues.",
    ]);
  }
  return render("A recovery code was used", [
    `A two-factor recovery code was just used to sign in to your ProfileHub account (${device}). That code will not work again.`,
    "If this was you, consider generating new codes when few are left (Account → Two-factor authentication).",
    "If this was not you, change your password, regenerate your recovery codes and sign out the sessions you do not know.",
  ]);
}
