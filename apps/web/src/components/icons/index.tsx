// The Lucide icons of the signed-out pages and the spinner, inline (see ./inline-icon.tsx);
// signed-in pages use lucide-react itself.
import { inlineIcon } from "./inline-icon";

export const CircleCheckIcon = inlineIcon(
  "lucide lucide-circle-check lucide-check-circle-2",
  <>
    <circle cx="12" cy="12" r="10" />
    <path d="m16 9-5.5 5.5L8 12" />
  </>,
);

export const LoaderCircleIcon = inlineIcon(
  "lucide lucide-loader-circle lucide-loader-2",
  <path d="M21 12a9 9 0 1 1-6.219-8.56" />,
);

export const MailCheckIcon = inlineIcon(
  "lucide lucide-mail-check",
  <>
    <path d="M22 13V6a2 2 0 0 0-2-2H4a2 2 0 0 0-2 2v12c0 1.1.9 2 2 2h8" />
    <path d="m22 7-8.97 5.7a1.94 1.94 0 0 1-2.06 0L2 7" />
    <path d="m16 19 2 2 4-4" />
  </>,
);

export const MoonIcon = inlineIcon(
  "lucide lucide-moon",
  <path d="M20.985 12.486a9 9 0 1 1-9.473-9.472c.405-.022.617.46.402.803a6 6 0 0 0 8.268 8.268c.344-.215.825-.004.803.401" />,
);

export const ShieldCheckIcon = inlineIcon(
  "lucide lucide-shield-check",
  <>
    <path d="M20 13c0 5-3.5 7.5-7.66 8.95a1 1 0 0 1-.67-.01C7.5 20.5 4 18 4 13V6a1 1 0 0 1 1-1c2 0 4.5-1.2 6.24-2.72a1.17 1.17 0 0 1 1.52 0C14.51 3.81 17 5 19 5a1 1 0 0 1 1 1z" />
    <path d="m9 12 2 2 4-4" />
  </>,
);

export const SunIcon = inlineIcon(
  "lucide lucide-sun",
  <>
    <circle cx="12" cy="12" r="4" />
    <path d="M12 2v2" />
    <path d="M12 20v2" />
    <path d="m4.93 4.93 1.41 1.41" />
    <path d="m17.66 17.66 1.41 1.41" />
    <path d="M2 12h2" />
    <path d="M20 12h2" />
    <path d="m6.34 17.66-1.41 1.41" />
    <path d="m19.07 4.93-1.41 1.41" />
  </>,
);
