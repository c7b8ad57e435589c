import type { Locale } from "@profilehub/validators";

import { render, type RenderedMail } from "./templates";

/** The outbox kind of the notice; once sent, its row keeps no address (`mail/outbox.ts`). */
export const ACCOUNT_DELETED_MAIL = "account_deleted";

/** The notice that the account is gone, in the account's language (it names nothing personal). */
export function accountDeletedMail(locale: Locale): RenderedMail {
  if (locale === "fr") {
    return render("Votre compte ProfileHub a été supprimé", [
      "Votre compte ProfileHub a été supprimé, comme demandé. Vos sessions sont fermées et vos données personnelles effacées.",
      "Il n’est pas possible de le restaurer. Vous pouvez créer un nouveau compte avec cette adresse à tout moment.",
      "Si ce n’était pas vous, prévenez votre administrateur : quelqu’un connaissait votre mot de passe.",
    ]);
  }
  return render("Your ProfileHub account was deleted", [
    "Your ProfileHub account was deleted, as requested. Your sessions are signed out and your personal data erased.",
    "It cannot be restored. You can create a new account with this address at any time.",
    "If this was not you, tell your administrator: someone knew your password.",
  ]);
}
