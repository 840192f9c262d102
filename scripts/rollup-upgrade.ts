import { PrismaPg } from "@prisma/adapter-pg";
import { rebuildIndicatorRollups } from "../lib/dashboard/rollup/indicators";
import { rebuildRollups } from "../lib/dashboard/rollup/rebuild";
import type { DbTx } from "../lib/db/client";
import { PrismaClient } from "../lib/generated/prisma/client";

/**
 * Migrations that add figures to the roll-up (columns or tables that start empty): after one of
 * them is applied to a database with data, what it added is recomputed from the raw history (the
 * whole roll-up, or the part the migration added).
 */
const REBUILD_AFTER: Record<string, "all" | "indicators"> = {
  "20261202171819_rollup_colours": "all",
  "20261203084752_indicator_rollup": "indicators",
  "20261203085845_group_rollup": "all",
};

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
  const needed = applied.map((name) => REBUILD_AFTER[name]).filter((kind) => kind !== undefined);
  if (!needed.length) return false;
  const rebuild = needed.includes("all")
    ? (tx: DbTx) => rebuildRollups(tx)
    : (tx: DbTx) => rebuildIndicatorRollups(tx);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    if (!(await prisma.ledgerItem.findFirst({ select: { id: true } }))) return false;
    const started = performance.now();
    await prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT set_config('statement_timeout', '0', true)`;
        await rebuild(tx);
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
