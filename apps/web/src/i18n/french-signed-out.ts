import { FRENCH_WORDING } from "@profilehub/validators";

import { frSignedOut } from "./fr-signed-out";
import type { SignedOutLanguage } from "./signed-out";

// Its own chunk (the signed-out dictionary and the problems' wording), preloaded with a French
// signed-out page (`<SignedOutI18nProvider>`).
export const FRENCH: SignedOutLanguage = { locale: "fr", t: frSignedOut, wording: FRENCH_WORDING };
