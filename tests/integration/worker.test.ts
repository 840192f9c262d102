/** The job queue itself: pg-boss on the test database runs a job end to end. */
import net from "node:net";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, expect, it } from "vitest";
import { findFreePort } from "@/lib/db/embedded-postgres";
import { startWorker, startWorkerWhenReady } from "@/lib/jobs/worker";
import { createTestDatabase, seededTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
let boss: PgBoss;

beforeAll(async () => {
  db = await seededTestDatabase();
  boss = await startWorker(db.url, () => {});
});
afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true }).catch(() => {});
  await db?.drop();
});

it("runs the round clock through the PostgreSQL-backed queue and closes an expired round", async () => {
  // Expire the demo's open round so the job has something to do.
  await db.prisma.reportingRound.updateMany({
    where: { status: "OPEN" },
    data: { windowClosesAt: new Date(Date.now() - 60_000) },
  });
  const jobId = await boss.send("rounds.clock", {});
  expect(jobId).toBeTruthy();
  let state: string | undefined;
  for (let i = 0; i < 100 && state !== "completed" && state !== "failed"; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    state = (await boss.getJobById("rounds.clock", jobId!))?.state;
  }
  expect(state).toBe("completed");
  expect(await db.prisma.reportingRound.count({ where: { status: "OPEN" } })).toBe(0);
});

it("waits for a database that is down at start, and starts when it comes back", async () => {
  // The database's address refuses connections until a relay to the real server opens on it.
  const port = await findFreePort(0);
  const target = new URL(db.url);
  const url = new URL(db.url);
  url.port = String(port);
  const sockets = new Set<net.Socket>();
  const relay = net.createServer((client) => {
    const server = net.connect(Number(target.port), target.hostname);
    for (const s of [client, server]) {
      sockets.add(s);
      s.on("error", () => {});
    }
    client.pipe(server).pipe(client);
  });
  const lines: string[] = [];
  const waiting = startWorkerWhenReady(url.toString(), {
    log: (line) => lines.push(line),
    firstDelayMs: 100,
    maxDelayMs: 400,
  });
  let second: PgBoss | undefined;
  try {
    while (lines.filter((l) => l.includes("database unavailable")).length < 3) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise<void>((resolve) => relay.listen(port, "127.0.0.1", resolve));
    second = await waiting;
    expect(second).toBeDefined();
    expect(lines[0]).toMatch(/database unavailable \(attempt 1: .*\); retrying in 100 ms/);
    expect(lines.some((l) => l.includes("retrying in 400 ms"))).toBe(true); // backed off
    const jobId = await second!.send("outbox.send", {});
    let state: string | undefined;
    for (let i = 0; i < 100 && state !== "completed" && state !== "failed"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      state = (await second!.getJobById("outbox.send", jobId!))?.state;
    }
    expect(state).toBe("completed");
  } finally {
    await second?.stop({ graceful: false, wait: true }).catch(() => {});
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => relay.close(resolve));
  }
});

it("stops waiting when asked to (a SIGTERM during an outage)", async () => {
  const port = await findFreePort(0);
  let stopped = false;
  const lines: string[] = [];
  const waiting = startWorkerWhenReady(`postgresql://x:y@127.0.0.1:${port}/none`, {
    log: (line) => lines.push(line),
    firstDelayMs: 50,
    stopped: () => stopped,
  });
  while (lines.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  stopped = true;
  expect(await waiting).toBeUndefined();
});

it("starts several workers at once on a fresh database (pg-boss installs its schema once)", async () => {
  const fresh = await createTestDatabase({ setEnv: false });
  const started = await Promise.allSettled([1, 2, 3].map(() => startWorker(fresh.url, () => {})));
  try {
    expect(started.map((s) => s.status)).toEqual(["fulfilled", "fulfilled", "fulfilled"]);
  } finally {
    for (const s of started) {
      if (s.status === "fulfilled") await s.value.stop({ graceful: false, wait: true });
    }
    await fresh.drop();
  }
});
