/**
 * Writes a new migration from the change to prisma/schema.prisma since the last migration:
 *   npm run db:migration -- add_notifications
 * It diffs the schema snapshot kept beside the migrations against the current schema with
 * Prisma's own engine (WebAssembly build), so it works offline. When the text of the roll-up's
 * database functions (lib/dashboard/rollup/maintain.ts, rollupFunctions) differs from the one the
 * newest migration defining them holds, the migration also (re)creates them. Review the SQL
 * before committing.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { ROLLUP_FUNCTIONS_MARKER, rollupFunctionsSql } from "../lib/dashboard/rollup/maintain";
import { diffSchemaSql, MIGRATIONS_DIR, SCHEMA_PATH, SNAPSHOT_PATH } from "../lib/db/schema-engine";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name_in_snake_case>");
  process.exit(2);
}

// The engine connects to a database even for a schema-to-schema diff: use a throwaway one.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "reform-migration-"));
const db = await startEmbeddedPostgres({
  dataDir: path.join(tmp, "pg"),
  persistent: false,
  port: 0,
});
try {
  const diff = await diffSchemaSql(db.url);
  const schemaChanged = !!diff.trim() && !/^-- This is an empty migration/.test(diff.trim());
  const functions = rollupFunctionsSql();
  const functionsChanged = newestFunctions() !== functions;
  const sql = [schemaChanged ? diff : "", functionsChanged ? functions : ""]
    .filter(Boolean)
    .join("\n");
  if (!sql) {
    console.log("No schema change since the last migration; nothing written.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    fs.copyFileSync(SCHEMA_PATH, SNAPSHOT_PATH);
    const lock = path.join(MIGRATIONS_DIR, "migration_lock.toml");
    if (!fs.existsSync(lock)) fs.writeFileSync(lock, 'provider = "postgresql"\n');
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await db.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}

/** The roll-up functions' text in the newest migration that (re)creates them, or null. */
function newestFunctions(): string | null {
  const dirs = fs.existsSync(MIGRATIONS_DIR) ? fs.readdirSync(MIGRATIONS_DIR).sort().reverse() : [];
  for (const dir of dirs) {
    const file = path.join(MIGRATIONS_DIR, dir, "migration.sql");
    if (!fs.existsSync(file)) continue;
    const text = fs.readFileSync(file, "utf8");
    const at = text.indexOf(ROLLUP_FUNCTIONS_MARKER);
    if (at >= 0) return text.slice(at);
  }
  return null;
}
