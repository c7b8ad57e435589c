import { FRENCH_WORDING } from "@profilehub/validators";

import { frSignedOut } from "./fr-signed-out";
import { registerSignedOutMessages } from "./signed-out";

// Its own chunk (the signed-out dictionary and the problems' wording), preloaded with a French
// signed-out page (`<SignedOutI18nProvider>`).
registerSignedOutMessages("fr", frSignedOut, FRENCH_WORDING);
