/**
 * Shared by the global setup (main process), the helpers (test workers) and scripts/e2e-server.ts.
 * No vitest imports.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const TEMPLATE_DB = "template_reform";
/** The migrated template plus the demo data; built on first use by seededTestDatabase(). */
export const SEEDED_TEMPLATE_DB = "template_reform_seeded";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/** Tests create and drop databases: they must never reach anything but the local test server. */
export function assertLocalDatabaseUrl(url: string): void {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    throw new Error(`Refusing to run tests against an unparsable database URL`);
  }
  if (!LOOPBACK.has(host)) {
    throw new Error(`Refusing to run tests against a non-local database (host "${host}")`);
  }
}

/**
 * Temp folders of earlier runs that were killed (Ctrl-C reaches PostgreSQL before our teardown
 * can remove its data folder): remove those older than ten minutes whose server is gone.
 */
export function removeStaleTempDatabases(prefix: string): void {
  const tmp = os.tmpdir();
  let names: string[];
  try {
    names = fs.readdirSync(tmp).filter((n) => n.startsWith(prefix));
  } catch {
    return;
  }
  for (const name of names) {
    const dir = path.join(tmp, name);
    try {
      if (Date.now() - fs.statSync(dir).mtimeMs < 10 * 60_000) continue;
      const pidFile = path.join(dir, "pg", "postmaster.pid");
      if (fs.existsSync(pidFile)) {
        const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
        if (pid > 0 && isAlive(pid)) continue;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // not ours to judge (permissions, a concurrent removal): leave it
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
