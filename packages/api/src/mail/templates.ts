import type { Locale } from "@profilehub/validators";

/** A rendered mail: a plain-text part always, plus HTML. Links are absolute (APP_URL). */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

export function render(subject: string, paragraphs: string[], link?: { label: string; url: string }): RenderedMail {
  const textParts = [...paragraphs];
  if (link) textParts.splice(1, 0, `${link.label}: ${link.url}`);
  const htmlParagraphs = paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`);
  if (link) {
    htmlParagraphs.splice(1, 0, `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>`);
  }
  return {
    subject,
    text: `${textParts.join("\n\n")}\n\n— ProfileHub\n`,
    html: `<!doctype html><html><body style="font-family:system-ui,sans-serif">${htmlParagraphs.join("")}<p>— ProfileHub</p></body></html>`,
  };
}

export function verifyEmailLink(appUrl: string, token: string): string {
  return `${appUrl}/api/auth/verify-email?token=${encodeURIComponent(token)}`;
}

/** To the new address of a pending change: clicking applies it. */
export function confirmEmailChangeMail(locale: Locale, newEmail: string, link: string): RenderedMail {
  if (locale === "fr") {
    return render(
      "Confirmez votre nouvelle adresse e-mail",
      [
        `Quelqu’un (vous, espérons-le) a demandé à remplacer l’adresse e-mail d’un compte ProfileHub par ${newEmail}.`,
        "Le changement prend effet quand vous ouvrez le lien. Il expire dans 24 heures.",
        "Si vous n’avez rien demandé, ignorez ce message.",
      ],
      { label: "Confirmer la nouvelle adresse", url: link },
    );
  }
  return render(
    "Confirm your new email address",
    [
      `Someone (hopefully you) asked to change the email address of a ProfileHub account to ${newEmail}.`,
      "The change takes effect when you open the link. It expires in 24 hours.",
      "If you did not ask for this, ignore this message.",
    ],
    { label: "Confirm the new address", url: link },
  );
}

/** To an address to verify: the sign-up one, or a new one already in use (immediate mode). */
export function verifyNewEmailMail(locale: Locale, newEmail: string, link: string): RenderedMail {
  if (locale === "fr") {
    return render(
      "Vérifiez votre adresse e-mail",
      [
        `L’adresse e-mail de votre compte ProfileHub est maintenant ${newEmail}. Merci de la vérifier.`,
        "Le lien expire dans 24 heures.",
        "Si vous n’êtes pas à l’origine de ce changement, contactez votre administrateur.",
      ],
      { label: "Vérifier l’adresse", url: link },
    );
  }
  return render(
    "Verify your email address",
    [
      `The email address of your ProfileHub account is now ${newEmail}. Please verify it.`,
      "The link expires in 24 hours.",
      "If you did not make this change, contact your administrator.",
    ],
    { label: "Verify the address", url: link },
  );
}

/** To the old address, whatever the mode. */
export function emailChangeNoticeMail(locale: Locale, newEmail: string, pending: boolean): RenderedMail {
  if (locale === "fr") {
    return render("Votre adresse e-mail est en cours de modification", [
      pending
        ? `Le remplacement de l’adresse e-mail de votre compte ProfileHub par ${newEmail} a été demandé. Il prendra effet une fois confirmé depuis la nouvelle adresse.`
        : `L’adresse e-mail de votre compte ProfileHub a été remplacée par ${newEmail}.`,
      "Si vous n’avez rien demandé, connectez-vous et changez votre mot de passe maintenant.",
    ]);
  }
  return render("Your email address is being changed", [
    pending
      ? `A change of your ProfileHub account's email address to ${newEmail} was requested. It takes effect once confirmed from the new address.`
      : `The email address of your ProfileHub account was changed to ${newEmail}.`,
    "If you did not ask for this, sign in and change your password now.",
  ]);
}
