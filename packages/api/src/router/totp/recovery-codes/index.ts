import { router } from "../../../trpc";
import { regenerateRecoveryCodesProcedure } from "./regenerate";
import { recoveryCodesStatusProcedure } from "./status";

/** Two-factor recovery codes: how many are left, and a new set (re-authenticated). */
export const recoveryCodesRouter = router({
  status: recoveryCodesStatusProcedure,
  regenerate: regenerateRecoveryCodesProcedure,
});
