// A tiny React app using Replyke's SDK (@replyke/core 6.0.4) as published; the test drives it
// through `globalThis`.
//
// Where the SDK lets an app choose its server: its requests to the API (`useUser().updateUser`,
// through its Redux store's fetch with `credentials: "include"`) go to `getApiBaseUrl()`, which a
// browser app sets with `VITE_API_BASE_URL` (the page sets it before this bundle runs). Its sign-in
// and token refresh are hard-wired to api.replyke.com (config/axios.js), so the page hands the SDK
// a ProfileHub access token and user with the SDK's own store actions — the state its sign-in
// would have left.
import { ReplykeProvider, useUser } from "@replyke/core";
import { replykeStore } from "@replyke/core/dist/esm/store";
import { setTokens, setUser } from "@replyke/core/dist/esm/store/slices/authSlice";
import { useEffect } from "react";
import { createRoot } from "react-dom/client";

type Update = Parameters<ReturnType<typeof useUser>["updateUser"]>[0];

function Profile() {
  const { user, updateUser } = useUser();
  useEffect(() => {
    Object.assign(globalThis, { replykeUpdateUser: (update: Update) => updateUser(update) });
  }, [updateUser]);
  return <p id="user">{user?.id ?? ""}</p>;
}

Object.assign(globalThis, {
  /** The state the SDK's sign-in leaves: an access token and the user. */
  replykeSignedIn(accessToken: string, user: { id: string }) {
    replykeStore.dispatch(setTokens({ accessToken }));
    replykeStore.dispatch(setUser(user as Parameters<typeof setUser>[0]));
  },
  /** Whether the SDK's start-up (its own token refresh attempt) is over. */
  replykeInitialized: () => replykeStore.getState().auth.initialized,
});

createRoot(document.getElementById("root")!).render(
  <ReplykeProvider projectId="default">
    <Profile />
  </ReplykeProvider>,
);
