import type { Issue } from "@profilehub/validators";

/**
 * Dialect C's wording of validation problems (the product's framework style: "The name field is
 * required."). Issues already worded so are kept; the router's wording of the others is
 * translated where it is known, and otherwise prefixed with the field.
 */
export const formJsonMessages = {
  required: (field: string) => `The ${field} field is required.`,
  string: (field: string) => `The ${field} field must be a string.`,
  letters: (field: string) => `The ${field} field must only contain letters.`,
  json: "The json field must be a valid JSON string holding an object of fields.",
  body: "The request body must be form fields or a JSON object.",
};

const TRANSLATIONS: [RegExp, (field: string, match: RegExpExecArray) => string][] = [
  [/has already been taken/, (field) => `The ${field} has already been taken.`],
  [/^Email is invalid$/, (field) => `The ${field} field must be a valid email address.`],
  [
    /too long \(maximum is (\d+) characters\)/,
    (field, match) => `The ${field} field must not be greater than ${match[1]} characters.`,
  ],
  [/must be a string/, (field) => formJsonMessages.string(field)],
  [/cannot be empty/, (field) => formJsonMessages.required(field)],
];

/** One problem as a sentence; `issue.path` is already in dialect C's names. */
export function formJsonMessage(issue: Issue): string {
  if (issue.message.startsWith("The ") || issue.path === "") return issue.message;
  for (const [pattern, render] of TRANSLATIONS) {
    const match = pattern.exec(issue.message);
    if (match) return render(issue.path, match);
  }
  return `The ${issue.path} field is invalid: ${issue.message}`;
}
