import { describeAccountRoutes } from "./d-current-user/account-routes";
import { describeClientAccess } from "./d-current-user/client-access";
import { describeAccountDeletion } from "./d-current-user/delete";
import { useCurrentUserEnv } from "./d-current-user/env";
import { describeStackHeaders } from "./d-current-user/headers";
import { describeServerAccess } from "./d-current-user/server-access";
import { describeStackAuthRoutes } from "./d-current-user/stack-auth-routes";
import { describeTransport } from "./d-current-user/transport";
import { describeWebhook } from "./d-current-user/webhook";

/**
 * Dialect D — `GET`/`PATCH /api/v1/users/me` (seed 003, Stack Auth): contract tests on the real
 * router and database, a real SMTP server and a real webhook receiver. One environment for the
 * file; the groups live in ./d-current-user/ to keep each file small.
 */
const env = useCurrentUserEnv();

describeClientAccess(env);
describeServerAccess(env);
describeStackHeaders(env);
describeWebhook(env);
describeTransport(env);
describeStackAuthRoutes(env);
describeAccountDeletion(env);
describeAccountRoutes(env);
