/**
 * Vitest global setup for the integration project: one throwaway embedded PostgreSQL per run,
 * migrated once into the template database "template_reform". Each test file then clones its
 * own database from it (tests/integration/setup/db.ts), which takes a few tens of milliseconds.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../../lib/db/embedded-postgres";
import { applyMigrations } from "../../../lib/db/schema-engine";
import { TEMPLATE_DB, assertLocalDatabaseUrl, removeStaleTempDatabases } from "./local";

export default async function setup(project: TestProject) {
  const t0 = performance.now();
  removeStaleTempDatabases("reform-it-");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "reform-it-"));
  // As root the server runs as the `postgres` user, which must be able to enter this folder.
  fs.chmodSync(tmp, 0o755);

  let db: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  const cleanup = async () => {
    await db?.stop().catch(() => {});
    db = undefined;
    fs.rmSync(tmp, { recursive: true, force: true });
  };

  try {
    db = await startEmbeddedPostgres({
      dataDir: path.join(tmp, "pg"),
      port: 0, // any free port: runs may overlap (other worktrees, a running `npm start`)
      database: TEMPLATE_DB,
      persistent: false,
    });
    const started = performance.now();
    assertLocalDatabaseUrl(db.url);
    const url = db.url;
    const applied = await applyMigrations(url);
    const migrated = performance.now();

    const base = db.url.slice(0, db.url.lastIndexOf("/"));
    const admin = new pg.Client({ connectionString: `${base}/postgres` });
    await admin.connect();
    try {
      // The schema engine's connection pool outlives applyMigrations(): close its sessions, or
      // CREATE DATABASE ... TEMPLATE waits 5 s and fails with "being accessed by other users".
      await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
        [TEMPLATE_DB],
      );
      // Refuse accidental connections, so that CREATE DATABASE ... TEMPLATE never finds it busy.
      await admin.query(
        `ALTER DATABASE "${TEMPLATE_DB}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`,
      );
    } finally {
      await admin.end();
    }

    project.provide("pgBaseUrl", base);
    if (process.env.REFORM_TEST_TIMINGS) {
      console.log(
        `[integration] embedded PostgreSQL ${(started - t0).toFixed(0)} ms, ` +
          `${applied.length} migration(s) ${(migrated - started).toFixed(0)} ms`,
      );
    }
  } catch (error) {
    await cleanup();
    throw error;
  }

  return cleanup;
}
