import type { Locale } from "@profilehub/validators";

import { render, type RenderedMail } from "./templates";

/** The page of the web app where a mailed reset link lands (absolute: APP_URL). */
export function resetPasswordLink(appUrl: string, token: string): string {
  return `${appUrl}/reset-password?token=${encodeURIComponent(token)}`;
}

/** The reset link, in the account's language. */
export function passwordResetMail(locale: Locale, link: string): RenderedMail {
  if (locale === "fr") {
    return render(
      "Réinitialisez votre mot de passe",
      [
        "Quelqu’un (vous, espérons-le) a demandé à réinitialiser le mot de passe de votre compte ProfileHub.",
        "Le lien expire dans 1 heure et ne sert qu’une fois. Toutes vos sessions seront fermées.",
        "Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.",
      ],
      { label: "Choisir un nouveau mot de passe", url: link },
    );
  }
  return render(
    "Reset your password",
    [
      "Someone (hopefully you) asked to reset the password of your ProfileHub account.",
      "The link expires in 1 hour and works once. All your sessions will be signed out.",
      "If you did not ask for this, ignore this message: your password stays as it is.",
    ],
    { label: "Choose a new password", url: link },
  );
}

/** The alert once the password was reset, in the account's language. */
export function passwordResetAlertMail(locale: Locale): RenderedMail {
  if (locale === "fr") {
    return render("Votre mot de passe a été réinitialisé", [
      "Le mot de passe de votre compte ProfileHub a été réinitialisé depuis un lien envoyé par e-mail, et toutes vos sessions ont été fermées.",
      "Si ce n’était pas vous, demandez un nouveau lien depuis « Mot de passe oublié ? » et prévenez votre administrateur.",
    ]);
  }
  return render("Your password was reset", [
    "The password of your ProfileHub account was reset from a mailed link, and all your sessions were signed out.",
    "If this was not you, ask for a new link from “Forgot password?” and tell your administrator.",
  ]);
}
