// Type-level tests: checked by `tsc -p packages/client/tsconfig.json` (`npm run typecheck`); the
// `expectTypeOf` calls are no-ops at run time, and no request is ever sent.
import type {
  JsonObject,
  ProblemCode,
  PublicUser,
  TokenResponse,
  UserUpdateInput as ValidatorsUserUpdateInput,
  UserView as ValidatorsUserView,
} from "@profilehub/validators";
import { describe, expectTypeOf, it } from "vitest";

import {
  type AuthTokens,
  createProfileHubClient,
  type Issue,
  type ProfileHubClient,
  type ProfileHubError,
  type RouterInputs,
  type RouterOutputs,
  signIn,
  signUp,
  type UserUpdateInput,
  type UserView,
} from "../src";

const client = createProfileHubClient({ url: "http://localhost:3000", token: "not-used" });
type MeUpdate = RouterInputs["me"]["update"];

/** Calls that must (or must not) compile. Never invoked: tsc checks the body, no request is sent. */
async function typedCalls(client: ProfileHubClient) {
  await client.me.update.mutate({
    displayName: "Ada",
    firstName: null,
    username: "ada",
    birthdate: "1815-12-10",
    locale: "fr",
    location: { longitude: -0.1276, latitude: 51.5072 },
    userMetadataPatch: { theme: "dark", removeMe: null },
  });
  await client.me.update.mutate({});

  // @ts-expect-error unknown keys are rejected
  await client.me.update.mutate({ nickname: "ada" });
  // @ts-expect-error read-only fields are not part of the input
  await client.me.update.mutate({ id: "00000000-0000-0000-0000-000000000000" });
  // @ts-expect-error displayName is a string or null
  await client.me.update.mutate({ displayName: 42 });
  // @ts-expect-error locale is "en" or "fr"
  await client.me.update.mutate({ locale: "de" });
  // @ts-expect-error locale cannot be cleared
  await client.me.update.mutate({ locale: null });
  // @ts-expect-error location is {longitude, latitude}
  await client.me.update.mutate({ location: [2.35, 48.85] });
  // @ts-expect-error metadata values are JSON
  await client.me.update.mutate({ userMetadataPatch: { when: new Date() } });
  // @ts-expect-error the input is an object
  await client.me.update.mutate("displayName=Ada");
  // @ts-expect-error me.get takes no input
  await client.me.get.query({ userId: "someone" });
  // @ts-expect-error a mutation is not a query
  await client.me.update.query({});
  // @ts-expect-error unknown procedures do not exist
  await client.me.delete.mutate();

  const me = await client.me.get.query();
  // @ts-expect-error secrets are not part of the view
  void me.passwordHash;
  return me;
}

describe("createProfileHubClient types", () => {
  it("me.update accepts exactly the router's input", () => {
    expectTypeOf(client.me.update.mutate).parameter(0).toEqualTypeOf<MeUpdate>();
    expectTypeOf<UserUpdateInput>().toEqualTypeOf<MeUpdate>();
    expectTypeOf<MeUpdate>().toEqualTypeOf<ValidatorsUserUpdateInput>();

    expectTypeOf<MeUpdate["displayName"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<MeUpdate["username"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<MeUpdate["locale"]>().toEqualTypeOf<"en" | "fr" | undefined>();
    expectTypeOf<MeUpdate["location"]>().toEqualTypeOf<{ longitude: number; latitude: number } | null | undefined>();
    expectTypeOf<MeUpdate["userMetadataPatch"]>().toEqualTypeOf<JsonObject | undefined>();
    expectTypeOf<MeUpdate["featureFlags"]>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<MeUpdate>().not.toHaveProperty("id");
    expectTypeOf<MeUpdate>().not.toHaveProperty("createdAt");
    expectTypeOf(typedCalls).toBeFunction();
  });

  it("me.get and me.update resolve to the UserView of @profilehub/validators", () => {
    expectTypeOf(client.me.get.query).returns.resolves.toEqualTypeOf<ValidatorsUserView>();
    expectTypeOf(client.me.update.mutate).returns.resolves.toEqualTypeOf<ValidatorsUserView>();
    expectTypeOf<UserView>().toEqualTypeOf<ValidatorsUserView>();
    expectTypeOf<RouterOutputs["me"]["get"]["locale"]>().toEqualTypeOf<"en" | "fr">();
    expectTypeOf<UserView["displayName"]>().toEqualTypeOf<string | null>();
    expectTypeOf<UserView["location"]>().toEqualTypeOf<{ longitude: number; latitude: number } | null>();
  });

  it("users.update returns the stored user and the changes", () => {
    type UsersUpdate = RouterOutputs["users"]["update"];
    expectTypeOf<UsersUpdate["user"]>().toEqualTypeOf<ValidatorsUserView>();
    expectTypeOf<RouterInputs["users"]["update"]["changes"]>().toEqualTypeOf<ValidatorsUserUpdateInput>();
  });

  it("the auth helpers return the token response; errors carry the server's issues", () => {
    expectTypeOf(signIn).returns.resolves.toEqualTypeOf<AuthTokens>();
    expectTypeOf(signUp).returns.resolves.toEqualTypeOf<AuthTokens>();
    expectTypeOf<AuthTokens>().toEqualTypeOf<TokenResponse>();
    expectTypeOf<AuthTokens["user"]>().toEqualTypeOf<PublicUser>();
    expectTypeOf<ProfileHubError["issues"]>().toEqualTypeOf<Issue[]>();
    // Issues carry a stable code (and its params) besides the path and an English sentence.
    expectTypeOf<Issue>().toExtend<{ path: string; message: string }>();
    expectTypeOf<Issue["code"]>().toEqualTypeOf<ProblemCode>();
    expectTypeOf<ProfileHubError["code"]>().toExtend<string>();
    expectTypeOf<"validation">().toExtend<ProfileHubError["code"]>();
    // @ts-expect-error codes are the server's reasons, not free text
    const code: ProfileHubError["code"] = "oops";
    void code;
  });
});
