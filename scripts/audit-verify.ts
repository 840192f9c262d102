/**
 * Recomputes the audit journal's hash chain in DATABASE_URL (or the embedded demo database in
 * .data/postgres when it is unset) and lists every edited row and every break where rows were
 * removed. Exits with 1 when anything is wrong:
 *   npm run audit:verify
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { describeProblem, verifyAuditChain } from "../lib/audit/verify";
import { PrismaClient } from "../lib/generated/prisma/client";
import { resolveDatabase } from "../lib/db/resolve-database";

const db = await resolveDatabase();
let failed = false;
try {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }) });
  try {
    const report = await verifyAuditChain(prisma);
    for (const problem of report.problems) console.error(describeProblem(problem));
    failed = report.problems.length > 0;
    console.log(
      failed
        ? `Audit chain BROKEN: ${report.problems.length} problem(s) in ${report.checked} rows.`
        : `Audit chain intact: ${report.checked} rows.`,
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
process.exit(failed ? 1 : 0);
