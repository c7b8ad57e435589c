// Tailwind CSS 4 through PostCSS (the only plugin the app needs).
const config = {
  plugins: { "@tailwindcss/postcss": {} },
};

export default config;
