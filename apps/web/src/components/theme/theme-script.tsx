/** Where the chosen theme is remembered; absent = follow the system. */
export const THEME_STORAGE_KEY = "profilehub-theme";

// Runs before the first paint (inline in <head>), so a dark page never flashes light.
const script = `(function(){try{var t=localStorage.getItem("${THEME_STORAGE_KEY}");var m=window.matchMedia("(prefers-color-scheme: dark)");function a(){var d=t==="dark"||(t!=="light"&&m.matches);var e=document.documentElement;e.classList.toggle("dark",d);e.style.colorScheme=d?"dark":"light"}a();m.addEventListener("change",function(){t=localStorage.getItem("${THEME_STORAGE_KEY}");a()})}catch(e){}})();`;

/** `nonce`: this response's CSP nonce (the page's CSP allows no other inline script). */
export function ThemeScript({ nonce }: { nonce: string | undefined }) {
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />;
}
