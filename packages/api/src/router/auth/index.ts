import { router } from "../../trpc";
import { signOutProcedure } from "./sign-out";
import { signUpProcedure } from "./sign-up";
import { tokenProcedure } from "./token";
import { verifyEmailProcedure } from "./verify-email";

export const authRouter = router({
  signUp: signUpProcedure,
  token: tokenProcedure,
  signOut: signOutProcedure,
  verifyEmail: verifyEmailProcedure,
});
