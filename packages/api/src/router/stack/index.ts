import { router } from "../../trpc";
import { stackRefreshProcedure } from "./refresh";
import { stackSignInProcedure } from "./sign-in";
import { stackSignUpProcedure } from "./sign-up";

/** What only Stack Auth's protocol needs (dialect D): its password sign-in/up and its refresh grant. */
export const stackRouter = router({
  signIn: stackSignInProcedure,
  signUp: stackSignUpProcedure,
  refresh: stackRefreshProcedure,
});
