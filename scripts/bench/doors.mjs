// What the bench loads: each door's documented update-user request, and the floors, built for
// one user and one value. Each request's value is new (derived from a sequence number), so every
// update really changes the row and writes its audit row, as a person's edit would.

/** A sequence number as letters (dialect C accepts only alphabetic names): 0 → "a", 26 → "ba". */
export function letters(sequence) {
  let text = "";
  let rest = sequence;
  do {
    text = String.fromCharCode(97 + (rest % 26)) + text;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return text;
}

const json = { "content-type": "application/json" };
const bearer = (user) => ({ ...json, authorization: `Bearer ${user.accessToken}` });

/**
 * `floor` marks a floor and names its family; `vs` names the floor a door is compared with.
 * `request(user, value)` → `{method, path, headers, body}`.
 */
export const SCENARIOS = [
  {
    key: "floor",
    name: "floor: token, session + UPDATE",
    floor: "rest",
    request: (user, value) => ({
      method: "PUT",
      path: "/api/bench/floor",
      headers: bearer(user),
      body: JSON.stringify({ bio: `Bench ${value}` }),
    }),
  },
  {
    key: "A",
    name: "A  PUT /api/v3/auth/user",
    vs: "rest",
    request: (user, value) => ({
      method: "PUT",
      path: "/api/v3/auth/user",
      headers: bearer(user),
      body: JSON.stringify({ data: { theme: value } }),
    }),
  },
  {
    key: "B",
    name: "B  PATCH /:projectId/users/:userId",
    vs: "rest",
    request: (user, value) => ({
      method: "PATCH",
      path: `/default/users/${user.id}`,
      headers: bearer(user),
      body: JSON.stringify({ update: { name: `Bench ${value}` } }),
    }),
  },
  {
    key: "C",
    name: "C  PUT /api/user/update",
    vs: "rest",
    request: (user, value) => ({
      method: "PUT",
      path: "/api/user/update",
      headers: { authorization: user.accessToken, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        json: JSON.stringify({ name: `Bench${value}`, surname: "User", email: user.email }),
      }).toString(),
    }),
  },
  {
    key: "D",
    name: "D  PATCH /api/v1/users/me",
    vs: "rest",
    request: (user, value) => ({
      method: "PATCH",
      path: "/api/v1/users/me",
      headers: {
        ...json,
        "x-stack-project-id": "default",
        "x-stack-access-type": "client",
        "x-stack-access-token": user.accessToken,
      },
      body: JSON.stringify({ display_name: `Bench ${value}` }),
    }),
  },
  {
    key: "E",
    name: "E  PUT /users/{id}",
    vs: "rest",
    request: (user, value) => ({
      method: "PUT",
      path: `/users/${user.number}`,
      headers: bearer(user),
      body: JSON.stringify({ user: { first_name: `Bench${value}` } }),
    }),
  },
  {
    key: "trpc-floor",
    name: "floor: bare tRPC procedure",
    floor: "trpc",
    request: (user, value) => ({
      method: "POST",
      path: "/api/bench/trpc/floor",
      headers: bearer(user),
      body: JSON.stringify({ bio: `Bench ${value}` }),
    }),
  },
  {
    key: "trpc",
    name: "tRPC me.update",
    vs: "trpc",
    request: (user, value) => ({
      method: "POST",
      path: "/api/trpc/me.update",
      headers: bearer(user),
      body: JSON.stringify({ displayName: `Bench ${value}` }),
    }),
  },
];
