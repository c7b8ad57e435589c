import { ENGLISH_WORDING } from "@profilehub/validators";

import { enSignedOut } from "./en-signed-out";
import type { SignedOutLanguage } from "./signed-out";

// Its own chunk (the signed-out dictionary and the problems' wording), preloaded with an English
// signed-out page (`<SignedOutI18nProvider>`).
export const ENGLISH: SignedOutLanguage = { locale: "en", t: enSignedOut, wording: ENGLISH_WORDING };
