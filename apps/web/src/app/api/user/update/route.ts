import { formJsonDoor } from "@/dialects/c-form-json/door";
import { getFormJsonUser, updateFormJsonUser } from "@/dialects/c-form-json/handlers";
import { routeMethods } from "@/server/http/route-methods";

/** Dialect C (seed 002): update the signed-in user from a form field `json`. */
const route = routeMethods(formJsonDoor, { GET: getFormJsonUser, PUT: updateFormJsonUser });

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
