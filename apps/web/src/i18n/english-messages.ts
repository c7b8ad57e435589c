import { ENGLISH_WORDING } from "@profilehub/validators";

import { en } from "./en";
import { registerMessages } from "./messages";

// Its own chunk (the dictionary and the problems' wording), preloaded with an English page (`<LocaleMessages>`).
registerMessages("en", en, ENGLISH_WORDING);
