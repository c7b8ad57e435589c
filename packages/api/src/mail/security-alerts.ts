import type { Locale } from "@profilehub/validators";

import type { SecurityEventKind } from "../services/security-events/kinds";
import { passwordResetAlertMail } from "./password-reset";
import { render, type RenderedMail } from "./templates";

/** What an alert tells: when, from which device (`null`: unknown), and for an email change the addresses. */
export interface AlertFacts {
  at: Date;
  device: string | null;
  email?: { from: string; to: string } | undefined;
}

type Wording = { subject: string; lead: (facts: AlertFacts) => string };

const WORDING: Record<Locale, Partial<Record<SecurityEventKind, Wording>>> = {
  en: {
    sign_in: { subject: "New sign-in to your account", lead: () => "Your ProfileHub account was signed in to." },
    password_changed: {
      subject: "Your password was changed",
      lead: () => "The password of your ProfileHub account was changed.",
    },
    email_changed: {
      subject: "Your email address was changed",
      lead: ({ email }) =>
        `The email address of your ProfileHub account was changed from ${email?.from ?? "?"} to ${email?.to ?? "?"}.`,
    },
    totp_enabled: {
      subject: "Two-factor authentication turned on",
      lead: () => "Two-factor authentication was turned on for your ProfileHub account.",
    },
    totp_disabled: {
      subject: "Two-factor authentication turned off",
      lead: () => "Two-factor authentication was turned off for your ProfileHub account.",
    },
    recovery_code_used: {
      subject: "A recovery code was used",
      lead: () => "A recovery code was used to sign in to your ProfileHub account.",
    },
    recovery_codes_regenerated: {
      subject: "New recovery codes",
      lead: () => "New recovery codes were made for your ProfileHub account; the old ones no longer work.",
    },
  },
  fr: {
    sign_in: {
      subject: "Nouvelle connexion à votre compte",
      lead: () => "Une connexion à votre compte ProfileHub a eu lieu.",
    },
    password_changed: {
      subject: "Votre mot de passe a été modifié",
      lead: () => "Le mot de passe de votre compte ProfileHub a été modifié.",
    },
    email_changed: {
      subject: "Votre adresse e-mail a été modifiée",
      lead: ({ email }) =>
        `L’adresse e-mail de votre compte ProfileHub est passée de ${email?.from ?? "?"} à ${email?.to ?? "?"}.`,
    },
    totp_enabled: {
      subject: "Double authentification activée",
      lead: () => "La double authentification a été activée sur votre compte ProfileHub.",
    },
    totp_disabled: {
      subject: "Double authentification désactivée",
      lead: () => "La double authentification a été désactivée sur votre compte ProfileHub.",
    },
    recovery_code_used: {
      subject: "Un code de récupération a été utilisé",
      lead: () => "Un code de récupération a servi à se connecter à votre compte ProfileHub.",
    },
    recovery_codes_regenerated: {
      subject: "Nouveaux codes de récupération",
      lead: () =>
        "De nouveaux codes de récupération ont été créés pour votre compte ProfileHub ; les anciens ne fonctionnent plus.",
    },
  },
};

const WHEN_AND_WHERE: Record<Locale, (when: string, device: string | null) => string> = {
  en: (when, device) => `When: ${when}. Device: ${device ?? "unknown device"}.`,
  fr: (when, device) => `Quand : ${when}. Appareil : ${device ?? "appareil inconnu"}.`,
};

const IF_NOT_YOU: Record<Locale, string> = {
  en: "If this was not you, change your password now (or use “Forgot password?”) and review your sessions. You get this mail because security alerts are on in your notification settings.",
  fr: "Si ce n’était pas vous, changez votre mot de passe maintenant (ou utilisez « Mot de passe oublié ? ») et vérifiez vos sessions. Vous recevez ce message car les alertes de sécurité sont activées dans vos notifications.",
};

const DATE_LOCALE: Record<Locale, string> = { en: "en-GB", fr: "fr-FR" };

function formatWhen(locale: Locale, at: Date): string {
  const text = new Intl.DateTimeFormat(DATE_LOCALE[locale], {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "UTC",
  }).format(at);
  return `${text} UTC`;
}

/** Whether `kind` has an alert mail (events without wording are recorded only). */
export function hasAlertMail(kind: SecurityEventKind): boolean {
  return kind === "password_reset" || WORDING.en[kind] !== undefined;
}

/** The alert mail of a security event, in the account's language. */
export function securityAlertMail(locale: Locale, kind: SecurityEventKind, facts: AlertFacts): RenderedMail {
  if (kind === "password_reset") return passwordResetAlertMail(locale);
  const wording = WORDING[locale][kind] ?? WORDING.en[kind];
  if (!wording) throw new Error(`No alert mail for the security event ${kind}`);
  return render(wording.subject, [
    wording.lead(facts),
    WHEN_AND_WHERE[locale](formatWhen(locale, facts.at), facts.device),
    IF_NOT_YOU[locale],
  ]);
}
