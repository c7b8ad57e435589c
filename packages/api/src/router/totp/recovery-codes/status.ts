import { recoveryCodesStatusSchema } from "@profilehub/validators";

import { recoveryCodesStatus } from "../../../services/totp/recovery-codes";
import { tokenProcedure } from "../../../trpc";

/** How many of the caller's recovery codes are still unused (0 of 0 while two-factor is off). */
export const recoveryCodesStatusProcedure = tokenProcedure
  .output(recoveryCodesStatusSchema)
  .query(({ ctx }) => recoveryCodesStatus(ctx.services.db, ctx.session.userId));
