import { router } from "../../trpc";
import { totpBeginProcedure } from "./begin";
import { totpDisableProcedure } from "./disable";
import { totpEnableProcedure } from "./enable";
import { recoveryCodesRouter } from "./recovery-codes";

/** Two-factor authentication with an authenticator app (TOTP, RFC 6238). */
export const totpRouter = router({
  begin: totpBeginProcedure,
  enable: totpEnableProcedure,
  disable: totpDisableProcedure,
  recoveryCodes: recoveryCodesRouter,
});
