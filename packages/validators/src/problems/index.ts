export * from "./catalog";
export * from "./from-zod";
export * from "./issue";
export * from "./labels";
export * from "./reasons";
export * from "./zod-codes";
