import { router } from "../../trpc";
import { webSignInProcedure } from "./sign-in";
import { webSignUpProcedure } from "./sign-up";

/** Browser sign-in and sign-up: the session lives in an httpOnly cookie. (Sign out: `auth.signOut`.) */
export const webRouter = router({
  signIn: webSignInProcedure,
  signUp: webSignUpProcedure,
});
