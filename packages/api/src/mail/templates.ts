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
export function confirmEmailChangeMail(newEmail: string, link: string): RenderedMail {
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

/** To a new address already in use (immediate mode): clicking marks it verified. */
export function verifyNewEmailMail(newEmail: string, link: string): RenderedMail {
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
export function emailChangeNoticeMail(newEmail: string, pending: boolean): RenderedMail {
  return render("Your email address is being changed", [
    pending
      ? `A change of your ProfileHub account's email address to ${newEmail} was requested. It takes effect once confirmed from the new address.`
      : `The email address of your ProfileHub account was changed to ${newEmail}.`,
    "If you did not ask for this, sign in and change your password now.",
  ]);
}
