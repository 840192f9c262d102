import "server-only";
import { pingDatabase } from "@/lib/db/client";
import { RETRY_AFTER_SECONDS } from "./endpoint";

/**
 * Health probes for a load balancer or an orchestrator; no sign-in, no data, never cached.
 * Liveness says only that the process answers (restart it if not); readiness adds that the
 * database answers within a second (send no traffic if not).
 */
const HEADERS = { "cache-control": "no-store" };

export async function liveHandler(): Promise<Response> {
  return Response.json({ status: "ok" }, { headers: HEADERS });
}

export async function readyHandler(): Promise<Response> {
  const started = performance.now();
  const up = await pingDatabase(1_000);
  const database = {
    status: up ? "ok" : "unavailable",
    ms: Math.round(performance.now() - started),
  };
  return up
    ? Response.json({ status: "ok", database }, { headers: HEADERS })
    : Response.json(
        {
          status: "unavailable",
          database,
          error: { code: "unavailable", message: "The database cannot be reached." },
        },
        { status: 503, headers: { ...HEADERS, "retry-after": String(RETRY_AFTER_SECONDS) } },
      );
}
