import type { UserView } from "./user";

/** A key of the user view. */
export type UserViewField = keyof UserView;

/**
 * The view fields a door renders (frozen, built once per door with `userViewFields`). An update
 * asked for with them builds, ships and checks only those fields: a narrowed view. Narrowing only
 * ever removes fields; which fields the caller may see is still the router's rule.
 */
export type UserViewFields<F extends UserViewField = UserViewField> = ReadonlySet<F>;

/** The view a door renders from: exactly the fields it asked for. */
export type NarrowedUserView<S extends UserViewFields> = S extends UserViewFields<infer F> ? Pick<UserView, F> : never;

/** The fields as one frozen set (its identity keys the caches built from it). */
export function userViewFields<F extends UserViewField>(...fields: F[]): UserViewFields<F> {
  const set = new Set(fields);
  // A frozen Set can still be mutated through its methods: make them refuse.
  const refuse = () => {
    throw new TypeError("userViewFields: the set is read-only");
  };
  Object.defineProperties(set, { add: { value: refuse }, delete: { value: refuse }, clear: { value: refuse } });
  return Object.freeze(set);
}

/** Where a narrowed view keeps its fields: not enumerable, never serialized. */
const NARROWED = Symbol.for("profilehub.userView.narrowedTo");

/** Marks `view` as built with `fields` only (what the view's output check then expects). */
export function markNarrowed<T extends object>(view: T, fields: UserViewFields): T {
  Object.defineProperty(view, NARROWED, { value: fields, enumerable: false });
  return view;
}

/** The fields a narrowed view was built with, or `null` for a full view. */
export function narrowedFieldsOf(view: object): UserViewFields | null {
  return (view as { [NARROWED]?: UserViewFields })[NARROWED] ?? null;
}
