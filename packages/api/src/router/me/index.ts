import { router } from "../../trpc";
import { activityProcedure } from "../activity";
import { totpRouter } from "../totp";
import { meDeleteProcedure } from "./delete";
import { meGetProcedure } from "./get";
import { meResendVerificationProcedure } from "./resend-verification";
import { meTeamsProcedure } from "./teams";
import { meUpdateProcedure } from "./update";
import { meValidateUpdateProcedure } from "./validate-update";

export const meRouter = router({
  get: meGetProcedure,
  update: meUpdateProcedure,
  validateUpdate: meValidateUpdateProcedure,
  resendVerification: meResendVerificationProcedure,
  delete: meDeleteProcedure,
  activity: activityProcedure,
  teams: meTeamsProcedure,
  totp: totpRouter,
});
