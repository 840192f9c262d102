/**
 * Graceful shutdown of the production server: SIGTERM to `next start` under a steady load of
 * Bearer-token reads and writes; every request it accepted completes (0 failed), later ones are
 * refused at connect, and it exits within seconds. Needs the `next build` output (skipped without).
 * The long version, with the worker and an outage, is `npm run chaos`.
 */
import type { ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiToken } from "@/lib/auth/tokens";
import { findFreePort } from "@/lib/db/embedded-postgres";
import { ROOT, spawnNext, waitForExit, waitForPort } from "../../scripts/processes";
import { nextEnv } from "../../scripts/serve";
import { seededTestDatabase, type TestDatabase } from "./setup/db";
import { currentPeriod, openItemOf } from "./fixtures";

const built = fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"));
let db: TestDatabase;
let app: ChildProcess | undefined;

beforeAll(async () => {
  if (built) db = await seededTestDatabase();
});
afterAll(async () => {
  if (app && app.exitCode === null && app.signalCode === null) app.kill("SIGKILL");
  await db?.drop();
});

it.skipIf(!built)(
  "SIGTERM under load: in-flight requests complete, none fails",
  { timeout: 60_000 },
  async () => {
    const liaison = await db.prisma.user.findUniqueOrThrow({ where: { username: "liaison-crrc" } });
    const token = (await createApiToken(liaison.id, "shutdown")).token;
    const item = await openItemOf(db.prisma, "liaison-crrc");
    const port = await findFreePort(0);
    const env = nextEnv(db.url, port, {
      nextAuthUrl: `http://127.0.0.1:${port}`,
      secret: () => crypto.randomBytes(32).toString("base64url"),
    });
    const server = spawnNext(["start", "-p", String(port), "-H", "127.0.0.1"], env, "ignore");
    app = server;
    expect(await waitForPort(port, 30_000, () => server.exitCode === null)).toBe(true);

    const base = `http://127.0.0.1:${port}/api/v1/ledger-items/${item.id}`;
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    // Warm up: the first call loads the route; the drill measures a running server.
    for (let i = 0; i < 50 && (await fetch(base, { headers })).status !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const outcomes: { status: number; error?: string }[] = [];
    let running = true;
    let version = item.version;
    const client = async (writer: boolean) => {
      while (running) {
        try {
          const res = writer
            ? await fetch(`${base}/entries`, {
                method: "POST",
                headers,
                body: JSON.stringify({
                  version,
                  period: currentPeriod(),
                  narrative: "shutdown drill",
                  percentDone: 50,
                }),
              })
            : await fetch(base, { headers });
          const body = (await res.json()) as { item?: { version: number } };
          if (writer && body.item) version = body.item.version;
          outcomes.push({ status: res.status });
        } catch (error) {
          const code = (error as { cause?: { code?: string } }).cause?.code ?? String(error);
          outcomes.push({ status: 0, error: code });
          if (code === "ECONNREFUSED") return; // closed: no more connections accepted
        }
      }
    };
    const load = Promise.all([client(true), ...Array.from({ length: 6 }, () => client(false))]);
    // Under load for real before the signal: 2 s, and at least 20 answers (a busy runner answers
    // the first requests slowly).
    const loadedBy = Date.now() + 2_000;
    for (let i = 0; i < 300 && (Date.now() < loadedBy || outcomes.length < 20); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const before = outcomes.length;
    const termAt = Date.now();
    server.kill("SIGTERM");
    await waitForExit(server, 20_000);
    const exitMs = Date.now() - termAt;
    running = false;
    await load;

    const failed = outcomes.filter(
      (o) => o.status >= 500 || (o.status === 0 && o.error !== "ECONNREFUSED"),
    );
    expect(before).toBeGreaterThan(0);
    expect(failed).toEqual([]);
    expect(server.signalCode).toBeNull(); // exited by itself, not killed
    expect(exitMs).toBeLessThan(15_000);
  },
);
