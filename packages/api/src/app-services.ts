import type { Database } from "@profilehub/db";

import { AccessTokens } from "./auth/access-token";
import { RefreshTokenSuccessor } from "./auth/refresh-token-successor";
import type { AppConfig } from "./config";
import { SecretBox } from "./crypto/secret-box";
import type { MailNotifier } from "./mail/notifier";

/** Process-wide singletons every request shares (database, keys, mail wake-up). */
export interface AppServices {
  db: Database;
  config: AppConfig;
  tokens: AccessTokens;
  secretBox: SecretBox;
  /** Derives each refresh token's successor (see `rotateRefreshToken`). */
  refreshTokenSuccessor: RefreshTokenSuccessor;
  /** Wakes the outbox worker after a commit that queued mail, so it is sent promptly. */
  mail: MailNotifier;
}

export function createAppServices(options: { db: Database; config: AppConfig; mail?: MailNotifier }): AppServices {
  return {
    db: options.db,
    config: options.config,
    tokens: new AccessTokens(options.config.authSecret),
    secretBox: new SecretBox(options.config.authSecret),
    refreshTokenSuccessor: new RefreshTokenSuccessor(options.config.authSecret),
    mail: options.mail ?? { notify: () => {} },
  };
}
