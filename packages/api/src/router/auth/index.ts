import { router } from "../../trpc";
import { recoverProcedure } from "./recover";
import { resetProcedure } from "./reset";
import { signOutProcedure } from "./sign-out";
import { signUpProcedure } from "./sign-up";
import { tokenProcedure } from "./token";
import { verifyEmailProcedure } from "./verify-email";

export const authRouter = router({
  signUp: signUpProcedure,
  token: tokenProcedure,
  signOut: signOutProcedure,
  verifyEmail: verifyEmailProcedure,
  recover: recoverProcedure,
  reset: resetProcedure,
});
