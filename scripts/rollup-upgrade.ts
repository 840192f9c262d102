import { PrismaPg } from "@prisma/adapter-pg";
import { rebuildRollups } from "../lib/dashboard/rollup/rebuild";
import { PrismaClient } from "../lib/generated/prisma/client";

/**
 * Migrations that add figures to the roll-up (columns that start at zero): after one of them
 * is applied to a database with data, its roll-up is recomputed from the raw history.
 */
const REBUILD_AFTER = new Set(["20261202171819_rollup_colours"]);

/**
 * Recomputes the roll-up when `applied` (the migrations just applied) holds one of
 * REBUILD_AFTER: what `npm start` and `npm run db:migrate` do after migrating. Returns whether it
 * did.
 */
export async function rebuildAfterMigrations(
  databaseUrl: string,
  applied: readonly string[],
  log: (line: string) => void,
): Promise<boolean> {
  if (!applied.some((name) => REBUILD_AFTER.has(name))) return false;
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    if (!(await prisma.ledgerItem.findFirst({ select: { id: true } }))) return false;
    const started = performance.now();
    await prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT set_config('statement_timeout', '0', true)`;
        await rebuildRollups(tx);
      },
      { timeout: 3_600_000 },
    );
    log(
      `Roll-up recomputed for the new figures in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
    return true;
  } finally {
    await prisma.$disconnect();
  }
}
