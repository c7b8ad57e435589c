import { health } from "@/server/ops/ops-routes";

export const dynamic = "force-dynamic";

/** `GET /api/health` → 200 `{"status":"ok"}` while the process serves (README, "Operating ProfileHub"). */
export const GET = health;
