import { validateUserUpdate } from "@profilehub/validators";
import { describe, expect, it } from "vitest";

import { doorPolicy, DOORS, STACK_PASSWORD_CHANGE_POLICY } from "../src/doors";
import { userUpdatePolicyOf } from "../src/services/users/update-user";

const everyPolicy = () => [
  ...DOORS.flatMap((door) => [
    doorPolicy(door, { emailChangeConfirmation: true }),
    doorPolicy(door, { emailChangeConfirmation: false }),
  ]),
  STACK_PASSWORD_CHANGE_POLICY,
];

describe("door policies and the update validator's policy", () => {
  it("every door policy is frozen, lists included, and the same object on every call", () => {
    for (const policy of everyPolicy()) {
      expect(Object.isFrozen(policy)).toBe(true);
      expect(Object.isFrozen(policy.userWritableServerInputs)).toBe(true);
      expect(Object.isFrozen(policy.requiredInputs)).toBe(true);
      if (policy.userInputs) expect(Object.isFrozen(policy.userInputs)).toBe(true);
    }
    expect(doorPolicy("dialect-a", { emailChangeConfirmation: false })).toBe(
      doorPolicy("dialect-a", { emailChangeConfirmation: false }),
    );
    expect(doorPolicy("dialect-a", { emailChangeConfirmation: false }).emailChange).toBe("immediate");
    expect(doorPolicy("dialect-a", { emailChangeConfirmation: true }).emailChange).toBe("pending");
  });

  it("userUpdatePolicyOf: one frozen policy per door policy and access, with the door's rules", () => {
    for (const policy of everyPolicy()) {
      for (const serverAccess of [false, true]) {
        const update = userUpdatePolicyOf(policy, serverAccess);
        expect(userUpdatePolicyOf(policy, serverAccess)).toBe(update);
        expect(Object.isFrozen(update)).toBe(true);
        expect(update).toEqual({
          passwordMinLength: policy.passwordMinLength,
          serverAccess,
          userWritableServerInputs: policy.userWritableServerInputs,
          ...(policy.userInputs && { userInputs: policy.userInputs }),
          requiredInputs: policy.requiredInputs,
          lettersOnlyNames: policy.lettersOnlyNames,
        });
        // A policy built by hand (not frozen) gives the same answers.
        const copy = userUpdatePolicyOf({ ...policy }, serverAccess);
        expect(copy).not.toBe(update);
        expect(copy).toEqual(update);
        for (const input of [
          { bio: "x" },
          { appMetadata: { a: 1 } },
          { firstName: "A1", roles: [] },
          { password: "12345" },
        ]) {
          expect(validateUserUpdate(input, copy)).toEqual(validateUserUpdate(input, update));
        }
      }
    }
  });
});
