/**
 * Times getDashboard in DATABASE_URL (or the embedded demo database): the whole scope and one
 * supervisor, as of today and a past day, for a national viewer; median of 3 runs each.
 *   node --conditions=react-server --import tsx scripts/bench-dashboard.ts [YYYY-MM-DD]
 */
import { EMBEDDED_DATA_DIR } from "../lib/db/resolve-database";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";

// The app's client reads DATABASE_URL once: set it before anything reads the environment.
const db = process.env.DATABASE_URL
  ? { url: process.env.DATABASE_URL, stop: async () => {} }
  : await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, port: 55410 });
process.env.DATABASE_URL = db.url;
const { getDb } = await import("../lib/db/client");
const { getDashboard } = await import("../lib/dashboard/get-dashboard");
try {
  const prisma = getDb();
  const user = await prisma.user.findFirstOrThrow({ where: { role: "ADMIN" } });
  const actor = {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    scopeAll: true,
    supervisorIds: [],
    enterpriseIds: [],
    via: "session" as const,
  };
  const supervisor = await prisma.supervisor.findFirstOrThrow({
    where: { enterpriseSpans: { some: {} } },
    orderBy: { code: "asc" },
  });
  const past = process.argv[2] ?? "2026-06-30";
  const cases = [
    ["scope, today", {}],
    [`scope, ${past}`, { asOf: past }],
    ["supervisor, today", { supervisorId: supervisor.id }],
    [`supervisor, ${past}`, { supervisorId: supervisor.id, asOf: past }],
  ] as const;
  for (const [name, query] of cases) {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await getDashboard(actor as never, { ...query, live: true } as never, { live: true });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(`${name.padEnd(28)} ${times[1]!.toFixed(0)} ms`);
  }
} finally {
  await getDb().$disconnect();
  await db.stop();
}
