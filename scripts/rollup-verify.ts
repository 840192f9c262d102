/**
 * Recomputes the dashboard roll-up (RollupDay, RollupMonth) of DATABASE_URL (or the embedded demo
 * database) from the raw history and lists every difference; exits with 1 on any:
 *   npm run rollup:verify                 every month end and today
 *   npm run rollup:verify -- 2026-03-14   those days too
 *   npm run rollup:verify -- --rebuild    recompute the roll-up first (after a repair by hand)
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { rebuildRollups } from "../lib/dashboard/rollup/rebuild";
import { describeDifference, verifyRollups } from "../lib/dashboard/rollup/verify";
import { PrismaClient } from "../lib/generated/prisma/client";
import { resolveDatabase } from "../lib/db/resolve-database";
import { parseIsoDay } from "../lib/time";

const args = process.argv.slice(2);
const db = await resolveDatabase();
let failed = false;
try {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }) });
  try {
    if (args.includes("--rebuild")) {
      const t = performance.now();
      await prisma.$transaction((tx) => rebuildRollups(tx), { timeout: 3_600_000 });
      console.log(`Roll-up rebuilt in ${((performance.now() - t) / 1000).toFixed(1)} s.`);
    }
    const extra = args.filter((a) => !a.startsWith("--")).map(parseIsoDay);
    const differences = await verifyRollups(prisma, { extraDays: extra });
    for (const d of differences) console.error(describeDifference(d));
    failed = differences.length > 0;
    console.log(failed ? `Roll-up WRONG: ${differences.length} difference(s).` : "Roll-up exact.");
  } finally {
    await prisma.$disconnect();
  }
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  await db.stop();
}
process.exit(failed ? 1 : 0);
