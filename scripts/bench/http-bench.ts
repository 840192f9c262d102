/**
 * The HTTP benchmark: the production build (`next start`) and the floor (scripts/bench-floor.ts)
 * side by side on the generated database, each scenario under an open-model load, then the
 * report. With --fresh the database is a throwaway embedded PostgreSQL generated for the run;
 * with --check (the smoke run) the app's numbers are compared with the floor's raw SQL and any
 * error or wrong number fails the run; timings never do.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { generate } from "../../lib/db/generate";
import { PRESETS } from "../../lib/db/generate/presets";
import { EMBEDDED_DATA_DIR } from "../../lib/db/resolve-database";
import {
  findFreePort,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from "../../lib/db/embedded-postgres";
import { applyMigrations } from "../../lib/db/schema-engine";
import { NEXT_START_FLAGS, waitForPort } from "../processes";
import { buildStaleReason, nextEnv } from "../serve";
import { checkNumbers } from "./checks";
import { markedClient } from "./marked-client";
import { loadAgent, runOpenLoad, summarise } from "./open-load";
import { prepare, signIn, TOKEN_NAME } from "./prepare";
import {
  dataSize,
  jsonRows,
  machine,
  markdown,
  sampleRss,
  slowestStatements,
  type Row,
} from "./report";
import { buildScenarios } from "./scenarios";

export type HttpBenchOptions = {
  preset: string;
  duration: number;
  json?: string;
  fresh: boolean;
  check: boolean;
  port: number;
  rateScale: number;
  only?: string[];
  command: string;
};

const ROOT = process.cwd();
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
// Nothing leaves the machine: the build and the server it starts inherit this.
process.env.NEXT_TELEMETRY_DISABLED = "1";
const STATEMENTS = {
  shared_preload_libraries: "pg_stat_statements",
  "pg_stat_statements.track": "top",
};

async function openDatabase(
  options: HttpBenchOptions,
  tmp: string,
): Promise<EmbeddedDatabase & { flags: boolean }> {
  if (options.fresh) {
    const db = await startEmbeddedPostgres({
      dataDir: path.join(tmp, "pg"),
      persistent: false,
      port: 0,
      settings: STATEMENTS,
    });
    await applyMigrations(db.url);
    const preset = PRESETS[options.preset];
    if (!preset) throw new Error(`No preset ${options.preset}`);
    console.log(`Generating preset "${options.preset}" into a throwaway database ...`);
    const result = await generate({ url: db.url, preset, seed: 1 });
    console.log(`  generated in ${result.seconds.toFixed(1)} s`);
    return { ...db, flags: true };
  }
  if (process.env.DATABASE_URL)
    return { url: process.env.DATABASE_URL, port: 0, stop: async () => {}, flags: false };
  const db = await startEmbeddedPostgres({
    dataDir: EMBEDDED_DATA_DIR,
    port: Number(process.env.EMBEDDED_PG_PORT || 54329),
    settings: STATEMENTS,
  });
  return { ...db, flags: true };
}

/**
 * pg_stat_statements on the server's maintenance database (the app's own database is left
 * alone): created there on the benchmark's own embedded server, used on a server given by
 * DATABASE_URL only where it is installed already.
 */
async function statementsAdmin(url: string, create: boolean): Promise<pg.Client | null> {
  const u = new URL(url);
  u.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: u.toString() });
  try {
    await admin.connect();
    if (create) await admin.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    await admin.query("SELECT pg_stat_statements_reset()");
    return admin;
  } catch {
    await admin.end().catch(() => {});
    return null;
  }
}

function startProcess(args: string[], env: NodeJS.ProcessEnv, log: string): ChildProcess {
  const out = fs.openSync(log, "w");
  return spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", out, out] });
}

/**
 * Waits (at most two minutes) until no statement of another session runs on the database, so
 * that the work a timed-out request left behind does not slow the next measurement.
 */
async function settle(client: pg.Client) {
  for (let i = 0; i < 240; i++) {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
    );
    if (rows[0].n === 0) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

export async function benchHttp(options: HttpBenchOptions): Promise<boolean> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "reform-bench-"));
  fs.chmodSync(tmp, 0o755);
  const children: ChildProcess[] = [];
  let db: (EmbeddedDatabase & { flags: boolean }) | undefined;
  let client: pg.Client | undefined;
  let admin: pg.Client | null = null;
  try {
    const stale = buildStaleReason();
    if (stale) {
      console.log(`Building the production app (${stale}) ...`);
      if (
        spawnSync(process.execPath, [NEXT_BIN, "build"], { cwd: ROOT, stdio: "inherit" }).status !==
        0
      )
        throw new Error("next build failed");
    }
    db = await openDatabase(options, tmp);
    client = new (markedClient("bench"))({ connectionString: db.url });
    await client.connect();
    // Free ports near the one asked for: other servers may run on this machine.
    const appPort = await findFreePort(options.port);
    const floorPort = await findFreePort(appPort + 1);
    // Each server's connections carry its name, so a restart ends only that server's statements.
    const named = (name: string) => {
      const u = new URL(db!.url);
      u.searchParams.set("application_name", name);
      return u.toString();
    };
    const env = nextEnv(named("bench-app"), appPort, {
      nextAuthUrl: `http://127.0.0.1:${appPort}`,
      secret: () => crypto.randomBytes(32).toString("base64url"),
    });
    const servers = {
      app: {
        // BENCH_APP_NODE_ARGS: Node options for the app only, e.g. "--cpu-prof --cpu-prof-dir=DIR"
        // (a CPU profile of the app under the load, written when it stops).
        args: [
          ...(process.env.BENCH_APP_NODE_ARGS ?? "").split(" ").filter(Boolean),
          NEXT_BIN,
          "start",
          ...NEXT_START_FLAGS,
          "-p",
          String(appPort),
          "-H",
          "127.0.0.1",
        ],
        env: env as NodeJS.ProcessEnv,
        port: appPort,
        log: path.join(tmp, "next.log"),
      },
      floor: {
        args: [
          "--conditions=react-server",
          "--import",
          "tsx",
          path.join(ROOT, "scripts", "bench-floor.ts"),
        ],
        env: { ...process.env, DATABASE_URL: named("bench-floor"), PORT: String(floorPort) },
        port: floorPort,
        log: path.join(tmp, "floor.log"),
      },
    };
    const start = async (which: keyof typeof servers) => {
      const s = servers[which];
      const child = startProcess(s.args, s.env, s.log);
      children.push(child);
      const alive = () => child.exitCode === null && child.signalCode === null;
      if (!(await waitForPort(s.port, 120_000, alive))) {
        console.error(fs.readFileSync(s.log, "utf8").slice(-3000));
        throw new Error(`The ${which} did not start`);
      }
      return child;
    };
    const running = { app: await start("app"), floor: await start("floor") };
    /**
     * After an overloaded run the server still works through requests whose clients gave up, and
     * the database through their statements: stop both, so the next scenario starts clean.
     */
    const restart = async (which: keyof typeof servers) => {
      const child = running[which];
      child.kill("SIGTERM");
      await new Promise((r) => (child.exitCode === null ? child.once("exit", r) : r(null)));
      await client!.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND application_name = $1`,
        [which === "app" ? "bench-app" : "bench-floor"],
      );
      running[which] = await start(which);
    };
    const appOrigin = `http://127.0.0.1:${appPort}`;
    const floorOrigin = `http://127.0.0.1:${floorPort}`;
    const warm = Math.min(5, Math.max(1, Math.round(options.duration / 5)));
    const writeRate = 100 * options.rateScale;
    const data = await prepare(client, {
      writesNeeded: Math.ceil(2 * writeRate * (options.duration + warm)),
    });
    const cookie = await signIn(appOrigin, "manager", "demo1234");
    const half = Math.floor(data.writes.length / 2);
    const scenarios = buildScenarios(data, cookie, {
      app: data.writes.slice(0, half),
      floor: data.writes.slice(half),
    })
      .filter((s) => !options.only || options.only.some((o) => s.name.includes(o)))
      .map((s) => ({ ...s, rate: s.rate * options.rateScale }));
    const problems: string[] = [];
    if (options.check) problems.push(...(await checkNumbers(appOrigin, floorOrigin, data)));

    admin = await statementsAdmin(db.url, db.flags);
    const rss = sampleRss(() => running.app.pid!);
    const agent = loadAgent();
    const rows: Row[] = [];
    for (const s of scenarios) {
      // Each write needs an item of its own: never more writes than items.
      const rate = s.name.includes("writes")
        ? Math.min(s.rate, (half - 2) / (options.duration + warm))
        : s.rate;
      const measured = Math.round(rate * options.duration);
      const run = async (origin: string, next: (i: number) => ReturnType<typeof s.app>) => {
        await runOpenLoad({ origin, rate, seconds: warm, next: (i) => next(measured + i), agent });
        return runOpenLoad({ origin, rate, seconds: options.duration, next, agent });
      };
      process.stdout.write(`${s.name} at ${rate.toFixed(0)}/s: app ...`);
      const a = await run(appOrigin, s.app);
      if (a.errors) await restart("app");
      await settle(client);
      process.stdout.write(" floor ...");
      const f = await run(floorOrigin, s.floor);
      if (f.errors) await restart("floor");
      await settle(client);
      const row = { name: s.name, app: summarise(a), floor: summarise(f), budget: s.budget };
      console.log(
        ` p95 ${row.app.p95.toFixed(1)} ms (floor ${row.floor.p95.toFixed(1)} ms), errors ${a.errors}/${f.errors}`,
      );
      for (const e of [...a.errorSamples, ...f.errorSamples.map((x) => `floor: ${x}`)])
        console.log(`    ${e}`);
      if (a.errors) problems.push(`${s.name}: ${a.errors} errors in the app`);
      if (f.errors) problems.push(`${s.name}: ${f.errors} errors in the floor`);
      rows.push(row);
    }
    agent.destroy();
    const peak = rss.stop();
    const report = markdown(rows, {
      command: options.command,
      machine: machine(),
      data: await dataSize(client),
      rss: peak,
      duration: options.duration,
      statements: await slowestStatements(admin, new URL(db.url).pathname.slice(1)),
      floorStatements: await slowestStatements(admin, new URL(db.url).pathname.slice(1), "floor"),
    });
    console.log(`\n${report}\n`);
    if (options.json) fs.writeFileSync(options.json, JSON.stringify(jsonRows(rows), null, 2));
    if (options.check) {
      for (const p of problems) console.error(`FAIL ${p}`);
      console.log(
        problems.length
          ? `Smoke run failed: ${problems.length} problem(s).`
          : "Smoke run passed: no errors, numbers equal the raw SQL.",
      );
    }
    return !options.check || problems.length === 0;
  } finally {
    await client?.query(`DELETE FROM "ApiToken" WHERE "name" = $1`, [TOKEN_NAME]).catch(() => {});
    await client?.end().catch(() => {});
    await admin?.end().catch(() => {});
    for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    await db?.stop().catch(() => {});
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
