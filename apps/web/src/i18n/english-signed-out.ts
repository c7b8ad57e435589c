import { ENGLISH_WORDING } from "@profilehub/validators";

import { enSignedOut } from "./en-signed-out";
import { registerSignedOutMessages } from "./signed-out";

// Its own chunk (the signed-out dictionary and the problems' wording), preloaded with an English
// signed-out page (`<SignedOutI18nProvider>`).
registerSignedOutMessages("en", enSignedOut, ENGLISH_WORDING);
