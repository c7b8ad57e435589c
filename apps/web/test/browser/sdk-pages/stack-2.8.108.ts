// Stack Auth's SDK 2.8.108 as a browser app imports it; the test drives it through `globalThis`.
import { StackClientApp } from "@stackframe/js";

Object.assign(globalThis, { StackClientApp });
