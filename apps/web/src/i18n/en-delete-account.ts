/** English for deleting the account (Account page's danger zone, and the landing page's notice). */
export const enDeleteAccount = {
  deleteAccount: {
    title: "Delete account",
    description: "Delete your account and everything in it. This cannot be undone.",
    open: "Delete account…",
    dialogTitle: "Delete your account?",
    explanation:
      "Your profile, sessions and activity are erased at once and every device is signed out. Apps using ProfileHub lose access to your account. We send a last notice to your address. This cannot be undone.",
    password: "Current password",
    code: "Two-factor code",
    codeHint: "The code your authenticator app shows now.",
    confirmLabel: "To confirm, type your email address:",
    confirmHint: "The button is enabled once it matches.",
    submit: "Delete my account",
    deleting: "Deleting…",
    cancel: "Cancel",
    deletedNotice: "Your account was deleted. A notice was sent to your address.",
  },
};
