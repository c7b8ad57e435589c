// A newer server may refuse with a reason, or report a problem code, that this build's UI does not
// know. The browser no longer checks them against the code lists (docs/performance.md, "Pages"):
// the signed-out pages' language decides, from the wording it loaded. These are the functions the
// signed-out forms call with a failed call (`ProcedureError`, as `callProcedure` throws it).
import type { Issue } from "@profilehub/validators";
import { describe, expect, it } from "vitest";

import { failureMessage } from "@/features/settings/failure";
import { showServerErrors } from "@/features/settings/server-errors";
import { ENGLISH } from "@/i18n/english-signed-out";
import { FRENCH } from "@/i18n/french-signed-out";
import { signedOutI18n } from "@/i18n/signed-out";
import { routerError } from "@/trpc/errors";
import { ProcedureError } from "@/trpc/procedure";

const refused = (reason: string, issues: unknown[] = []) =>
  new ProcedureError("refused", { httpStatus: 400, reason, params: {}, issues: issues as Issue[] });

/** What a form shows: each `setError` as `name: message`, in order. */
function shownBy(error: unknown, i18n = signedOutI18n(ENGLISH)) {
  const shown: string[] = [];
  const form = {
    getValues: () => ({ email: "ada@example.com", password: "" }),
    setError: (name: string, { message }: { message: string }) => void shown.push(`${name}: ${message}`),
  };
  showServerErrors(form, error, i18n.t, i18n.problem, i18n.refusal);
  return shown;
}

describe("codes and reasons from a newer server, on the signed-out pages", () => {
  for (const language of [ENGLISH, FRENCH]) {
    const i18n = signedOutI18n(language);

    it(`an unknown reason reads as the generic sentence (${language.locale})`, () => {
      for (const reason of ["from_a_newer_server", "toString", "constructor"]) {
        expect(i18n.refusal(reason)).toBeNull();
        expect(failureMessage(refused(reason), i18n.t, i18n.refusal)).toBe(i18n.t.common.genericError);
      }
    });

    it(`a known reason keeps its own sentence (${language.locale})`, () => {
      const message = failureMessage(refused("csrf_failed"), i18n.t, i18n.refusal);
      expect(message).not.toBe(i18n.t.common.genericError);
      expect(message).toBe(i18n.refusal("csrf_failed"));
    });
  }

  it("keeps the reason as sent, so the forms still branch on the ones they know", () => {
    expect(routerError(refused("totp_required")).reason).toBe("totp_required");
    expect(routerError(refused("from_a_newer_server")).reason).toBe("from_a_newer_server");
    expect(routerError(new ProcedureError("x", { httpStatus: 400, reason: 7 as unknown as string })).reason).toBeNull();
  });

  it("shows a problem with an unknown code next to its field, in the generic wording", () => {
    const error = refused("validation", [{ path: "email", code: "from_a_newer_server", params: {}, message: "" }]);
    expect(shownBy(error)).toEqual(["email: Email is invalid"]);
    expect(shownBy(error, signedOutI18n(FRENCH))).toEqual(["email: L’adresse e-mail est invalide"]);
  });

  it("drops malformed issues, and falls back to the reason when none is left", () => {
    const error = refused("validation", [null, { path: "email" }, { code: "required" }, "text"]);
    expect(routerError(error).issues).toEqual([]);
    expect(shownBy(error)).toEqual([`root.server: ${signedOutI18n(ENGLISH).refusal("validation")}`]);
  });
});
