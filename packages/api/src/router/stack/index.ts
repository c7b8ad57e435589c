import { router } from "../../trpc";
import { stackChangePasswordProcedure } from "./change-password";
import { stackMfaSignInProcedure } from "./mfa-sign-in";
import { stackRefreshProcedure } from "./refresh";
import { stackSignInProcedure } from "./sign-in";
import { stackSignUpProcedure } from "./sign-up";

/** What only Stack Auth's protocol needs (dialect D): password sign-in/up, MFA step, refresh grant, password change. */
export const stackRouter = router({
  signIn: stackSignInProcedure,
  signUp: stackSignUpProcedure,
  refresh: stackRefreshProcedure,
  mfaSignIn: stackMfaSignInProcedure,
  changePassword: stackChangePasswordProcedure,
});
