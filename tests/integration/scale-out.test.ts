/**
 * The app is stateless: two `next start` processes (as behind a load balancer) and two job
 * workers on one database. A session signed in on A works on B (API and page); signed out on B
 * it is refused on A. Each schedule's job runs once per slot however many workers check the
 * schedules (every second here). Needs the `next build` output (skipped without).
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { findFreePort } from "@/lib/db/embedded-postgres";
import { DEMO_PASSWORD } from "@/lib/db/seed";
import { JOBS } from "@/lib/jobs/worker";
import { ROOT, spawnNext, stopChild, waitForPort } from "../../scripts/processes";
import { nextEnv } from "../../scripts/serve";
import { seededTestDatabase, type TestDatabase } from "./setup/db";

const built = fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"));
let db: TestDatabase;
const children: ChildProcess[] = [];

beforeAll(async () => {
  if (built) db = await seededTestDatabase();
});
afterAll(async () => {
  await Promise.all(children.map((child) => stopChild(child, 5_000)));
  await db?.drop();
});

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]!);

/** The credentials sign-in a browser performs: CSRF token, then the form post. */
async function signIn(origin: string, username: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: cookiesOf(csrf).join("; "),
    },
    body: new URLSearchParams({ csrfToken, username, password: DEMO_PASSWORD, json: "true" }),
  });
  const session = cookiesOf(res).find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in as ${username} failed (${res.status})`);
  return session;
}

async function signOut(origin: string, session: string) {
  const csrf = await fetch(`${origin}/api/auth/csrf`, { headers: { cookie: session } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${origin}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: [session, ...cookiesOf(csrf)].join("; "),
    },
    body: new URLSearchParams({ csrfToken, json: "true" }),
  });
  expect(res.status).toBeLessThan(400);
}

const me = (origin: string, session: string) =>
  fetch(`${origin}/api/v1/me`, { headers: { cookie: session } });
const page = (origin: string, session: string) =>
  fetch(`${origin}/`, { headers: { cookie: session }, redirect: "manual" });

function startWorker(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const worker = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "scripts", "worker.ts")],
    { cwd: ROOT, env, stdio: ["ignore", "pipe", "inherit"] },
  );
  children.push(worker);
  return new Promise((resolve, reject) => {
    worker.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("[worker] started")) resolve(worker);
    });
    worker.once("exit", (code) => reject(new Error(`worker exited (${code})`)));
  });
}

it.skipIf(!built)(
  "two app processes share sessions; two workers run each scheduled job once",
  { timeout: 120_000 },
  async () => {
    const [portA, portB] = [await findFreePort(0), await findFreePort(0)];
    // One public address and one secret, as behind a load balancer.
    const secret = crypto.randomBytes(32).toString("base64url");
    const envOf = (port: number) => ({
      ...nextEnv(db.url, port, { nextAuthUrl: `http://127.0.0.1:${portA}`, secret: () => secret }),
      WORKER_CRON_CHECK_SECONDS: "1",
    });
    const apps = [portA, portB].map((port) => {
      const app = spawnNext(
        ["start", "-p", String(port), "-H", "127.0.0.1"],
        envOf(port),
        "ignore",
      );
      children.push(app);
      return app;
    });
    const windowStart = new Date();
    const workers = Promise.all([startWorker(envOf(portA)), startWorker(envOf(portA))]);
    for (const [i, port] of [portA, portB].entries()) {
      expect(await waitForPort(port, 60_000, () => apps[i]!.exitCode === null)).toBe(true);
    }
    const [A, B] = [portA, portB].map((port) => `http://127.0.0.1:${port}`) as [string, string];

    const session = await signIn(A, "manager");
    const onB = await me(B, session);
    expect(onB.status).toBe(200);
    expect(((await onB.json()) as { username: string }).username).toBe("manager");
    expect((await page(B, session)).status).toBe(200);

    await signOut(B, session);
    expect((await me(A, session)).status).toBe(401);
    expect((await page(A, session)).status).toBe(307); // to the sign-in page

    await workers;
    // Both workers check the schedules every second; give them a few seconds of racing, then
    // let the slots they claimed become jobs (pg-boss polls those every 5 s).
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    const windowEnd = new Date();
    for (let i = 0; i < 40; i++) {
      const [{ pending }] = await db.prisma.$queryRaw<[{ pending: number }]>`
        SELECT count(*)::int AS pending FROM pgboss.job
         WHERE name = '__pgboss__send-it' AND state <> 'completed'`;
      if (pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const rows = await db.prisma.$queryRaw<{ name: string; runs: number; slots: number }[]>`
      SELECT j.name, count(*)::int AS runs,
             (SELECT count(DISTINCT s.singleton_on)::int FROM pgboss.job s
               WHERE s.name = '__pgboss__send-it' AND s.data->>'name' = j.name) AS slots
        FROM pgboss.job j
       WHERE j.name = ANY(${Object.keys(JOBS)})
       GROUP BY j.name`;
    const byName = new Map(rows.map((r) => [r.name, r]));
    // Minute slots the window touched: an every-minute schedule runs once in each, no more.
    const minutes =
      Math.floor(windowEnd.getTime() / 60_000) - Math.floor(windowStart.getTime() / 60_000) + 1;
    for (const name of ["rounds.clock", "outbox.send"]) {
      const row = byName.get(name);
      expect(row, name).toBeDefined();
      expect(row!.runs, name).toBe(row!.slots);
      expect(row!.runs, name).toBeGreaterThanOrEqual(1);
      expect(row!.runs, name).toBeLessThanOrEqual(minutes);
    }
    // Every job that ran once more than its slots would be a duplicate, whatever its schedule.
    for (const row of rows) expect(row.runs, row.name).toBe(row.slots);
  },
);
