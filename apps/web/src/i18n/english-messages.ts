import { en } from "./en";
import { registerMessages } from "./messages";

// Its own chunk, preloaded with an English page (`<LocaleMessages>`).
registerMessages("en", en);
