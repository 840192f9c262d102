/**
 * The server Playwright's webServer starts (playwright.config.ts): a throwaway embedded
 * PostgreSQL in a temp folder, migrated and loaded with the demo data, behind `next start` on
 * E2E_PORT (default 3100). Uses the existing production build (`npm test` runs `next build`
 * first). SIGTERM/SIGINT stop Next, then PostgreSQL, and remove the temp folder.
 *
 *   node --conditions=react-server --import tsx scripts/e2e-server.ts
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../lib/db/embedded-postgres";
import { applyMigrations } from "../lib/db/schema-engine";
import {
  NEXT_START_FLAGS,
  onShutdownSignal,
  ROOT,
  spawnNext,
  stopChild,
  stopDatabase,
} from "./processes";
import { nextEnv, seedDemoData } from "./serve";
import { removeStaleTempDatabases } from "../tests/integration/setup/local";

const port = Number(process.env.E2E_PORT || 3100);
const log = (line: string) => console.log(`[e2e-server] ${line}`);

if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
  console.error(
    "[e2e-server] No production build in .next: run `npx next build` first (npm test does).",
  );
  process.exit(1);
}

removeStaleTempDatabases("reform-e2e-");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "reform-e2e-"));
fs.chmodSync(tmp, 0o755); // as root the server runs as `postgres`

let db: EmbeddedDatabase | undefined;
let next: ChildProcess | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await stopChild(next);
  await stopDatabase(db, path.join(tmp, "pg"));
  fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(code);
}
onShutdownSignal(() => void shutdown(0));
process.on("exit", () => {
  if (next && next.exitCode === null && next.signalCode === null) next.kill("SIGTERM");
  fs.rmSync(tmp, { recursive: true, force: true });
});

try {
  const t0 = performance.now();
  db = await startEmbeddedPostgres({ dataDir: path.join(tmp, "pg"), port: 0, persistent: false });
  const t1 = performance.now();
  process.env.DATABASE_URL = db.url; // for lib code the seed may call, as in the app
  await applyMigrations(db.url);
  const t2 = performance.now();
  const seeded = await seedDemoData(db.url, () => {});
  const t3 = performance.now();
  if (!seeded) log("lib/db/seed/index.ts is missing: running without demo data.");
  log(
    `PostgreSQL ${(t1 - t0).toFixed(0)} ms, migrations ${(t2 - t1).toFixed(0)} ms, ` +
      `demo data ${(t3 - t2).toFixed(0)} ms; starting next on port ${port}`,
  );
  if (stopping) process.exit(0);

  const env = {
    ...nextEnv(db.url, port, {
      nextAuthUrl: `http://127.0.0.1:${port}`,
      secret: () => crypto.randomBytes(32).toString("base64url"),
    }),
    // Every spec runs with the watermark on (it must get in nobody's way); daily-readable checks it.
    WATERMARK: process.env.WATERMARK || "on",
  };
  next = spawnNext(["start", ...NEXT_START_FLAGS, "-p", String(port), "-H", "127.0.0.1"], env);
  next.once("exit", (code, signal) => {
    if (stopping) return;
    console.error(`[e2e-server] next start stopped (${signal ?? `exit code ${code}`})`);
    void shutdown(code || 1);
  });
} catch (error) {
  console.error("[e2e-server]", error instanceof Error ? (error.stack ?? error.message) : error);
  await shutdown(1);
}
