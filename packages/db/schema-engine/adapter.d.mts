// Types of adapter.mjs (declared once, in index.d.mts).
export * from "./urls.mjs";
export { adapterFactoryForUrl, openPglite } from "./index.mjs";
