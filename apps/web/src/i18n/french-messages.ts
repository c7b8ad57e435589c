import { fr } from "./fr";
import { registerMessages } from "./messages";

// Loaded by `<LocaleMessages>` (its own chunk, preloaded with a French page).
registerMessages("fr", fr);
