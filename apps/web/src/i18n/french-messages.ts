import { FRENCH_WORDING } from "@profilehub/validators";

import { fr } from "./fr";
import { registerMessages } from "./messages";

// Its own chunk (the dictionary and the problems' wording), preloaded with a French page (`<LocaleMessages>`).
registerMessages("fr", fr, FRENCH_WORDING);
