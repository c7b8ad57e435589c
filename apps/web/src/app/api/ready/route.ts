import { ready } from "@/server/ops/ops-routes";

export const dynamic = "force-dynamic";

/** `GET /api/ready` → 200, or 503 naming the failed check (database, migrations, outbox, server). */
export const GET = ready;
