/**
 * Applies pending migrations to DATABASE_URL (or to the embedded demo database when it is unset):
 *   npm run db:migrate
 */
import { resolveDatabase } from "../lib/db/resolve-database";
import { rebuildAfterMigrations } from "./rollup-upgrade";
import { applyMigrations } from "../lib/db/schema-engine";

const db = await resolveDatabase();
try {
  const applied = await applyMigrations(db.url);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
  await rebuildAfterMigrations(db.url, applied, (line) => console.log(line));
} finally {
  await db.stop();
}
