// The bench's people: each signed up through the API, with the access token, id, number and
// email every door's request needs. Tokens live 15 minutes: `renew` refreshes them.

const post = async (base, route, body) => {
  const response = await fetch(`${base}${route}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
};

async function inBatches(count, width, make) {
  const made = [];
  for (let start = 0; start < count; start += width) {
    const batch = Array.from({ length: Math.min(width, count - start) }, (_, offset) => make(start + offset));
    made.push(...(await Promise.all(batch)));
  }
  return made;
}

/** Signs up `count` users (a few at a time: each sign-up hashes a password). */
export function seedUsers(base, count) {
  return inBatches(count, 4, async (index) => {
    const email = `bench-${index}@example.com`;
    const signup = await post(base, "/api/auth/signup", { email, password: "bench password 1" });
    if (signup.status !== 201) throw new Error(`sign-up failed: ${JSON.stringify(signup.body)}`);
    const { user, accessToken, refreshToken } = signup.body;
    return { id: user.id, number: user.number, email, accessToken, refreshToken, issuedAt: Date.now() };
  });
}

/** Renews every token older than `maxAgeMs` with the refresh-token grant. */
export async function renewTokens(base, users, maxAgeMs) {
  await inBatches(users.length, 8, async (index) => {
    const user = users[index];
    if (Date.now() - user.issuedAt < maxAgeMs) return;
    const renewed = await post(base, "/api/auth/token", {
      grant_type: "refresh_token",
      refresh_token: user.refreshToken,
    });
    if (renewed.status !== 200) throw new Error(`token refresh failed: ${JSON.stringify(renewed.body)}`);
    Object.assign(user, {
      accessToken: renewed.body.accessToken,
      refreshToken: renewed.body.refreshToken,
      issuedAt: Date.now(),
    });
  });
}
