// Stack Auth's SDK 2.8.102 (installed as @stackframe/js-2.8.102) as a browser app imports it.
import { StackClientApp } from "@stackframe/js-2.8.102";

Object.assign(globalThis, { StackClientApp });
