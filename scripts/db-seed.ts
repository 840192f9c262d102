/**
 * Loads the demo data into DATABASE_URL (or the embedded demo database in .data/postgres when it
 * is unset), after applying pending migrations. Does nothing when the demo data is already there:
 *   npm run db:seed
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { resolveDatabase } from "../lib/db/resolve-database";
import { applyMigrations } from "../lib/db/schema-engine";
import { seedDemo } from "../lib/db/seed";

const db = await resolveDatabase();
let failed = false;
try {
  await applyMigrations(db.url);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }) });
  try {
    const t0 = performance.now();
    const result = await seedDemo(prisma, { log: (line) => console.log(line) });
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(
      result.seeded
        ? `Seeded ${result.enterprises} enterprises, ${result.ledgerItems} ledger items, ${result.entries} progress entries in ${seconds} s.`
        : `Nothing seeded: the demo data is already present (${result.enterprises} enterprises, ${result.ledgerItems} ledger items, ${result.entries} progress entries).`,
    );
  } finally {
    await prisma.$disconnect();
  }
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  await db.stop();
}
// The WebAssembly schema engine leaves timers armed that would keep the process alive for
// seconds after the work is done.
process.exit(failed ? 1 : 0);
