import type { enDeleteAccount } from "./en-delete-account";

/** French for deleting the account (Account page's danger zone, and the landing page's notice). */
export const frDeleteAccount: typeof enDeleteAccount = {
  deleteAccount: {
    title: "Supprimer le compte",
    description: "Supprimer votre compte et tout ce qu’il contient. C’est définitif.",
    open: "Supprimer le compte…",
    dialogTitle: "Supprimer votre compte ?",
    explanation:
      "Votre profil, vos sessions et votre activité sont effacés aussitôt et tous vos appareils sont déconnectés. Les applications qui utilisent ProfileHub perdent l’accès à votre compte. Un dernier message est envoyé à votre adresse. C’est définitif.",
    password: "Mot de passe actuel",
    code: "Code de double authentification",
    codeHint: "Le code affiché en ce moment par votre application.",
    confirmLabel: "Pour confirmer, saisissez votre adresse e-mail :",
    confirmHint: "Le bouton s’active dès qu’elle correspond.",
    submit: "Supprimer mon compte",
    deleting: "Suppression…",
    cancel: "Annuler",
    deletedNotice: "Votre compte a été supprimé. Un message a été envoyé à votre adresse.",
  },
};
