/** PostgreSQL `integer`: user numbers never exceed it. */
const MAX_USER_NUMBER = 2_147_483_647;

/** The `{id}` of the path as a user number, or `null` when it cannot name a user. */
export function userNumberOf(id: string | undefined): number | null {
  if (!id || !/^\d{1,10}$/.test(id)) return null;
  const number = Number(id);
  return number >= 1 && number <= MAX_USER_NUMBER ? number : null;
}
