import { fr } from "./fr";
import { registerMessages } from "./messages";

// Its own chunk, preloaded with a French page (`<LocaleMessages>`).
registerMessages("fr", fr);
