import { router } from "../../trpc";
import { usersDeleteProcedure } from "./delete";
import { usersGetProcedure } from "./get";
import { usersUpdateProcedure } from "./update";
import { usersValidateUpdateProcedure } from "./validate-update";

export const usersRouter = router({
  get: usersGetProcedure,
  update: usersUpdateProcedure,
  validateUpdate: usersValidateUpdateProcedure,
  delete: usersDeleteProcedure,
});
