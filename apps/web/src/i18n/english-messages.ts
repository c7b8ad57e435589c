import { en } from "./en";
import { registerMessages } from "./messages";

// Loaded by `<LocaleMessages>` (its own chunk, preloaded with an English page).
registerMessages("en", en);
