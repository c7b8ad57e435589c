const COMMON = [
  "password",
  "passw0rd",
  "123456",
  "12345678",
  "123456789",
  "qwerty",
  "azerty",
  "letmein",
  "welcome",
  "iloveyou",
  "admin",
  "motdepasse",
  "profilehub",
];

/**
 * A rough strength score from 0 (below the 8-character minimum) to 4, from length, variety and
 * obvious patterns. It only guides the user; the server's rules decide what is accepted.
 */
export function passwordStrength(password: string): 0 | 1 | 2 | 3 | 4 {
  if (password.length < 8) return 0;
  const lower = password.toLowerCase();
  if (COMMON.some((word) => lower.includes(word)) || /^(.)\1+$/.test(password)) return 1;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
  const unique = new Set(password).size;
  let score = 1;
  if (password.length >= 12) score += 1;
  if (password.length >= 16) score += 1;
  if (classes >= 3) score += 1;
  if (unique < password.length / 3) score -= 1;
  return Math.max(1, Math.min(4, score)) as 1 | 2 | 3 | 4;
}
