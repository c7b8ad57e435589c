/** How long things live (documented in ARCHITECTURE.md, "Decisions"). */

/** Sessions (and their refresh tokens) last this long after the last refresh or browser visit. */
export const SESSION_TTL_DAYS = 30;
/** Mailed links (email verification and change) expire after this long. */
export const EMAIL_LINK_TTL_HOURS = 24;
/** Password-reset links expire sooner: a mailbox read by someone else is a takeover. */
export const PASSWORD_RESET_TTL_MINUTES = 60;
/** A session's `lastActiveAt` is written at most this often. */
export const SESSION_TOUCH_INTERVAL_SECONDS = 60;
