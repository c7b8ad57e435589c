/** A field as a problem's wording names it. */
export interface FieldLabel {
  /** The canonical field the problem is about (the head of its path). */
  key: string;
  /** "Display name" / "Le nom affiché". */
  text: string;
  /** French agreement. */
  feminine?: boolean;
  plural?: boolean;
  /** What a value of the wrong type should have been ("a URL string"), when more precise than the type. */
  expects?: string;
}

/** A field's label in one language (./labels-en.ts, ./labels-fr.ts). */
export interface LabelEntry {
  /** `null`: the field has no human label; it is named as the reader's API spells it. */
  text: string | null;
  /** French agreement (kept in every language: the label is the same field's). */
  feminine?: boolean;
  plural?: boolean;
  expects?: string;
  /** The label of one entry of a list (`featureFlags.3`). */
  items?: LabelEntry;
  /** Labels of an object's own fields (`location.longitude`). */
  children?: Record<string, LabelEntry>;
}

/**
 * The label of every field a problem can be about, in one language: canonical user fields, their
 * companions, and the fields of the auth and admin inputs. A field missing here is named by its key.
 */
export type FieldLabels = Record<string, LabelEntry>;

const NUMBER = /^\d+$/;

function entryOf(labels: FieldLabels, path: string): LabelEntry | undefined {
  const [head = "", ...rest] = path.split(".");
  let entry = Object.hasOwn(labels, head) ? labels[head] : undefined;
  for (const segment of rest) {
    if (!entry) return undefined;
    entry = NUMBER.test(segment) ? entry.items : entry.children?.[segment];
  }
  return entry;
}

/**
 * The label of the field at `path` (`location.latitude`, `featureFlags.2`) from one language's
 * labels. Fields without a human label are named by `name(key)`: their key as the reader's API
 * spells it.
 */
export function labelIn(
  labels: FieldLabels,
  path: string,
  name: (field: string) => string = (field) => field,
): FieldLabel {
  const key = path.split(".")[0] ?? "";
  const entry = entryOf(labels, path);
  const last = path.split(".").at(-1) ?? "";
  const fallback = name(NUMBER.test(last) || !entry ? key : last);
  const text = entry?.text ?? fallback;
  return {
    key,
    text: text || fallback,
    ...(entry?.feminine && { feminine: true }),
    ...(entry?.plural && { plural: true }),
    ...(entry?.expects && { expects: entry.expects }),
  };
}
