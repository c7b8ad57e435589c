/** One person of the load: their tokens and what the server acknowledged to them. */
export interface LoadUser {
  id: string;
  accessToken: string;
  refreshToken: string;
  /** Metadata keys whose write was answered 2xx (through tRPC or dialect A). */
  acknowledgedKeys: Set<string>;
  /** Refresh tokens handed out by a 2xx of `/api/auth/token`. */
  acknowledgedRefreshTokens: string[];
}

export type DoorName = "trpc me.update" | "dialect A PUT" | "auth token refresh";

export interface Outcome {
  door: DoorName;
  phase: string;
  status: number;
  startedAt: number;
  endedAt: number;
  retryAfter: string | null;
  /** For failures: whether the body is the door's documented 503. */
  documentedUnavailable: boolean;
}

interface Door {
  name: DoorName;
  request(user: LoadUser, key: string): { path: string; method: string; body: unknown; token: string | null };
  /** The door's documented "unavailable" body (see docs/dialects and README). */
  isUnavailable(json: any): boolean;
  acknowledge(user: LoadUser, key: string, json: any): void;
}

const DOORS: Door[] = [
  {
    name: "trpc me.update",
    request: (user, key) => ({
      path: "/api/trpc/me.update",
      method: "POST",
      body: { userMetadataPatch: { [key]: true } },
      token: user.accessToken,
    }),
    isUnavailable: (json) => json?.error?.data?.reason === "unavailable" && json.error.data.httpStatus === 503,
    acknowledge: (user, key) => user.acknowledgedKeys.add(key),
  },
  {
    name: "dialect A PUT",
    request: (user, key) => ({
      path: "/api/v3/auth/user",
      method: "PUT",
      body: { data: { [key]: true } },
      token: user.accessToken,
    }),
    isUnavailable: (json) =>
      json?.success === false && json.errno === -100009 && json.data === null && typeof json.error === "string",
    acknowledge: (user, key) => user.acknowledgedKeys.add(key),
  },
  {
    name: "auth token refresh",
    request: (user) => ({
      path: "/api/auth/token",
      method: "POST",
      body: { grant_type: "refresh_token", refresh_token: user.refreshToken },
      token: null,
    }),
    isUnavailable: (json) => json?.error?.code === "unavailable" && Array.isArray(json.error.issues),
    acknowledge: (user, _key, json) => {
      user.accessToken = json.accessToken;
      user.refreshToken = json.refreshToken;
      user.acknowledgedRefreshTokens.push(json.refreshToken);
    },
  },
];

export const DOOR_NAMES = DOORS.map((door) => door.name);

export interface Load {
  outcomes: Outcome[];
  /** Stops issuing requests and resolves once every one in flight has ended. */
  stop(): Promise<void>;
}

/**
 * Closed-loop load: one loop per user, each sending its next request as soon as the previous one
 * ended, through the three doors in turn (pausing briefly after a failure, as a client honouring
 * Retry-After would, only shorter). Every answer is recorded with the phase it started in.
 */
export function startLoad(options: {
  baseUrl: string;
  users: LoadUser[];
  phase: () => string;
  /** A request taking longer than this is aborted and recorded with status 0 (hung). */
  abortAfterMs: number;
}): Load {
  const outcomes: Outcome[] = [];
  let running = true;
  let sequence = 0;

  async function once(user: LoadUser, door: Door): Promise<boolean> {
    sequence += 1;
    const key = `w${sequence}`;
    const { path, method, body, token } = door.request(user, key);
    const phase = options.phase();
    const startedAt = Date.now();
    let status = 0;
    let retryAfter: string | null = null;
    let json: any = null;
    try {
      const response = await fetch(`${options.baseUrl}${path}`, {
        method,
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.abortAfterMs),
      });
      status = response.status;
      retryAfter = response.headers.get("retry-after");
      const text = await response.text();
      json = text ? JSON.parse(text) : null;
    } catch {
      // aborted (hung), refused by the server, or an unreadable body: recorded as it is
    }
    if (status >= 200 && status < 300) door.acknowledge(user, key, json);
    const documentedUnavailable = status === 503 && door.isUnavailable(json);
    outcomes.push({
      door: door.name,
      phase,
      status,
      startedAt,
      endedAt: Date.now(),
      retryAfter,
      documentedUnavailable,
    });
    return status >= 200 && status < 300;
  }

  const loops = options.users.map(async (user, index) => {
    for (let turn = index; running; turn += 1) {
      const ok = await once(user, DOORS[turn % DOORS.length]!);
      if (!ok) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });

  return {
    outcomes,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** `phase → door → status → count`, for the test output. */
export function countByPhase(outcomes: Outcome[]): Record<string, Record<string, Record<number, number>>> {
  const counts: Record<string, Record<string, Record<number, number>>> = {};
  for (const outcome of outcomes) {
    const byDoor = (counts[outcome.phase] ??= {});
    const byStatus = (byDoor[outcome.door] ??= {});
    byStatus[outcome.status] = (byStatus[outcome.status] ?? 0) + 1;
  }
  return counts;
}
