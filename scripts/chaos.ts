/**
 * Failure drills against the production build (`next build` output) on a throwaway embedded
 * PostgreSQL, over HTTP with Bearer API tokens. Prints figures; asserts nothing (not a test):
 *
 *   npm run chaos                          PostgreSQL outage of 60 s
 *   npm run chaos -- --outage-seconds 10   a quick run
 *   --port 3213                            the app's port (default 3213)
 *
 * (a) outage: PostgreSQL stopped under steady reads and progress-entry writes: 503 count and
 *     slowest 503, the app process alive, time back to service, every 2xx write present after.
 * (c) concurrency: 50 clients x 20 conflicting edits of one item: accepted + 409 = total,
 *     audit rows = accepted, final state = the last accepted edit.
 * (b) graceful shutdown: SIGTERM to `next start` and the job worker under load: failed requests.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../lib/db/embedded-postgres";
import { applyMigrations } from "../lib/db/schema-engine";
import {
  NEXT_START_FLAGS,
  ROOT,
  spawnNext,
  stopDatabase,
  waitForExit,
  waitForPort,
} from "./processes";
import { nextEnv, seedDemoData } from "./serve";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const OUTAGE_S = arg("outage-seconds", 60);
const PORT = arg("port", 3213);
const BASE = `http://127.0.0.1:${PORT}/api/v1`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => console.log(`[chaos] ${line}`);

if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
  console.error("[chaos] No production build in .next: run `npx next build` first.");
  process.exit(1);
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "reform-chaos-"));
fs.chmodSync(tmp, 0o755); // as root the server runs as `postgres`
const dataDir = path.join(tmp, "pg");
const appLog = fs.openSync(path.join(tmp, "app.log"), "a");

let db: EmbeddedDatabase = await startEmbeddedPostgres({ dataDir, port: 0, persistent: true });
process.env.DATABASE_URL = db.url;
process.env.EVIDENCE_DIR = path.join(tmp, "evidence");
await applyMigrations(db.url);
await seedDemoData(db.url, () => {});
const { getDb } = await import("../lib/db/client");
const { createApiToken } = await import("../lib/auth/tokens");
const { periodOf } = await import("../lib/ledger/period");
const { chinaDay } = await import("../lib/time");
const prisma = getDb();
const liaison = await prisma.user.findUniqueOrThrow({ where: { username: "liaison-crrc" } });
const token = (await createApiToken(liaison.id, "chaos")).token;
const scope = await prisma.userScope.findFirstOrThrow({
  where: { userId: liaison.id, enterpriseId: { not: null } },
});
const items = await prisma.ledgerItem.findMany({
  where: {
    programme: { code: "SDU-2023" },
    status: "IN_PROGRESS",
    notApplicable: false,
    enterprise: { ancestors: { some: { ancestorId: scope.enterpriseId! } } },
  },
  select: { id: true },
  take: 5,
});
if (items.length < 5) {
  await stopDatabase(db, dataDir);
  throw new Error(`chaos: the demo data has ${items.length} open items in scope, 5 needed`);
}
const period = periodOf(chinaDay(new Date()), "MONTH").key;

const env = nextEnv(db.url, PORT, {
  nextAuthUrl: `http://127.0.0.1:${PORT}`,
  secret: () => crypto.randomBytes(32).toString("base64url"),
});
const app = spawnNext(["start", ...NEXT_START_FLAGS, "-p", String(PORT), "-H", "127.0.0.1"], env, [
  "ignore",
  appLog,
  appLog,
]);
const worker: ChildProcess = spawn(
  process.execPath,
  ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "scripts", "worker.ts")],
  { cwd: ROOT, env, stdio: ["ignore", appLog, appLog] },
);
const alive = (c: ChildProcess) => c.exitCode === null && c.signalCode === null;
process.on("exit", () => {
  for (const c of [app, worker]) if (alive(c)) c.kill("SIGKILL");
});
if (!(await waitForPort(PORT, 120_000, () => alive(app)))) throw new Error("next start failed");
// The outage starts once the worker runs (a worker still starting when the database goes away
// exits; that start-up case is not what this drill measures).
for (let i = 0; i < 600 && alive(worker); i++) {
  if (fs.readFileSync(path.join(tmp, "app.log"), "utf8").includes("[worker] started")) break;
  await sleep(100);
}

type Result = { status: number; ms: number; at: number; error?: string; json?: unknown };
async function call(method: string, url: string, body?: unknown): Promise<Result> {
  const start = performance.now();
  try {
    const res = await fetch(`${BASE}${url}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { "content-type": "application/json" } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    const json = text ? (JSON.parse(text) as unknown) : undefined;
    return { status: res.status, ms: performance.now() - start, at: Date.now(), json };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return {
      status: 0,
      ms: performance.now() - start,
      at: Date.now(),
      error: cause?.code ?? (error as Error).name,
    };
  }
}
type Item = { version: number; percentDone: number };
const readItem = async (id: string) => {
  const res = await call("GET", `/ledger-items/${id}`);
  return res.status === 200 ? (res.json as Item) : null;
};
const write = (id: string, version: number, percentDone: number) =>
  call("POST", `/ledger-items/${id}/entries`, {
    version,
    period,
    narrative: `chaos ${percentDone}`,
    percentDone,
    status: "IN_PROGRESS",
  });
type Written = { entry: { id: string }; item: Item };

/** Steady load: one writer per item, as many readers; runs until `stop()`. */
function load(ids: string[]) {
  const results: (Result & { kind: "read" | "write" })[] = [];
  const accepted: string[] = [];
  let running = true;
  const writer = async (id: string) => {
    let version = (await readItem(id))?.version ?? 1;
    let percent = 1;
    while (running) {
      const res = await write(id, version, Math.min(99, percent));
      results.push({ ...res, kind: "write" });
      if (res.status === 201) {
        const body = res.json as Written;
        accepted.push(body.entry.id);
        version = body.item.version;
        percent += 1;
      } else {
        if (res.status !== 409) await sleep(100);
        version = (await readItem(id))?.version ?? version;
      }
    }
  };
  const reader = async (id: string) => {
    while (running) {
      const res = await call("GET", `/ledger-items/${id}`);
      results.push({ ...res, kind: "read" });
      if (res.status !== 200) await sleep(100);
    }
  };
  const all = Promise.all(ids.flatMap((id) => [writer(id), reader(id)]));
  return {
    results,
    accepted,
    stop: async () => {
      running = false;
      await all;
    },
  };
}

const max = (xs: number[]) => (xs.length ? Math.max(...xs) : 0);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

// (a) Outage ------------------------------------------------------------------------------------
log(`(a) outage: PostgreSQL stopped for ${OUTAGE_S} s under load (4 writers, 4 readers)`);
const outage = load(items.slice(0, 4).map((i) => i.id));
await sleep(5_000);
const downAt = Date.now();
await db.stop();
await sleep(OUTAGE_S * 1000);
db = await startEmbeddedPostgres({ dataDir, port: db.port, persistent: true });
const upAt = Date.now();
let backAt = 0;
for (let i = 0; i < 600 && !backAt; i++) {
  await sleep(100);
  const ok = (k: "read" | "write") =>
    outage.results.some((r) => r.kind === k && r.at > upAt && r.status < 300 && r.status > 0);
  if (ok("read") && ok("write")) backAt = Date.now();
}
await sleep(3_000);
await outage.stop();
const during = outage.results.filter((r) => r.at > downAt && r.at - r.ms < upAt);
const unavailable = outage.results.filter((r) => r.status === 503);
const found = await prisma.progressEntry.count({ where: { id: { in: outage.accepted } } });
const other = outage.results.filter((r) => ![200, 201, 409, 503].includes(r.status));
log(`    requests ${outage.results.length}, during the outage ${during.length}`);
log(
  `    503: ${unavailable.length}, slowest 503 ${s(max(unavailable.map((r) => r.ms)))}; ` +
    `other failures: ${other.length} ${JSON.stringify(tally(other))}`,
);
log(`    app process alive: ${alive(app)}; worker alive: ${alive(worker)}`);
log(`    back to service ${backAt ? s(backAt - upAt) : "NEVER"} after PostgreSQL returned`);
log(
  `    2xx writes ${outage.accepted.length}, found afterwards ${found} (lost ${outage.accepted.length - found})`,
);

function tally(rs: { status: number; error?: string }[]) {
  const t: Record<string, number> = {};
  for (const r of rs) t[r.error ?? String(r.status)] = (t[r.error ?? String(r.status)] ?? 0) + 1;
  return t;
}

// (c) Concurrency -------------------------------------------------------------------------------
log("(c) concurrency: 50 clients x 20 conflicting edits of one item");
const target = items[4]!.id;
const auditBefore = await prisma.auditLog.count({
  where: { entityType: "LedgerItem", entityId: target },
});
const edits: { status: number; version?: number; percent: number }[] = [];
await Promise.all(
  Array.from({ length: 50 }, async (_, client) => {
    for (let n = 0; n < 20; n++) {
      const seen = await readItem(target);
      const percent = 1 + ((client * 20 + n) % 99);
      const res = await write(target, seen?.version ?? 1, percent);
      const body = res.status === 201 ? (res.json as Written) : undefined;
      edits.push({ status: res.status, version: body?.item.version, percent });
    }
  }),
);
const won = edits.filter((e) => e.status === 201);
const lostRace = edits.filter((e) => e.status === 409);
const audits =
  (await prisma.auditLog.count({ where: { entityType: "LedgerItem", entityId: target } })) -
  auditBefore;
const last = won.reduce((a, b) => ((b.version ?? 0) > (a?.version ?? 0) ? b : a), won[0]);
const final = await prisma.ledgerItem.findUniqueOrThrow({
  where: { id: target },
  select: { version: true, percentDone: true },
});
log(
  `    total ${edits.length}: accepted ${won.length} + 409 ${lostRace.length} = ${won.length + lostRace.length}; other ${JSON.stringify(tally(edits.filter((e) => e.status !== 201 && e.status !== 409)))}`,
);
log(`    audit rows ${audits} (accepted ${won.length})`);
log(
  `    final: version ${final.version}, ${final.percentDone}%; last accepted: version ` +
    `${last?.version}, ${last?.percent}% -> ${final.version === last?.version && final.percentDone === last?.percent ? "same" : "DIFFERENT"}`,
);

// (b) Graceful shutdown -------------------------------------------------------------------------
log("(b) graceful shutdown: SIGTERM to next start and the worker under load");
const drain = load(items.slice(0, 4).map((i) => i.id));
await sleep(3_000);
const termAt = Date.now();
app.kill("SIGTERM");
worker.kill("SIGTERM");
await Promise.all([waitForExit(app, 30_000), waitForExit(worker, 35_000)]);
const exitedAt = Date.now();
await drain.stop();
const afterTerm = drain.results.filter((r) => r.at >= termAt);
// A refused connection was never accepted (a balancer sends it elsewhere); anything else failed.
const refused = afterTerm.filter((r) => r.error === "ECONNREFUSED");
const failed = drain.results.filter((r) => r.status === 0 && r.error !== "ECONNREFUSED");
const failed5xx = drain.results.filter((r) => r.status >= 500);
const foundB = await prisma.progressEntry.count({ where: { id: { in: drain.accepted } } });
log(
  `    requests ${drain.results.length}; completed after SIGTERM ${afterTerm.filter((r) => r.status > 0).length}`,
);
log(
  `    failed: ${failed.length} ${JSON.stringify(tally(failed))}, 5xx: ${failed5xx.length}; refused after close: ${refused.length}`,
);
log(
  `    next exited in ${s(exitedAt - termAt)} (${app.exitCode ?? app.signalCode}); worker (${worker.exitCode ?? worker.signalCode})`,
);
log(`    2xx writes ${drain.accepted.length}, found afterwards ${foundB}`);

await prisma.$disconnect();
await stopDatabase(db, dataDir);
fs.rmSync(tmp, { recursive: true, force: true });
process.exit(0);
