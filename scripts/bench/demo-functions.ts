/**
 * Benchmarks of the hot paths as functions (no HTTP) on the demo data, in a throwaway embedded
 * PostgreSQL:
 *   npm run bench -- --preset demo            (BENCH_ITERATIONS=200 by default)
 * Prints p50/p95/max per operation. Figures, not assertions: tests never time anything. The
 * HTTP benchmark at scale is `npm run bench -- --preset regional|national` (scripts/bench.ts).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { applyMigrations } from "../../lib/db/schema-engine";
import { PrismaClient } from "../../lib/generated/prisma/client";

export async function benchDemoFunctions() {
  const iterations = Number(process.env.BENCH_ITERATIONS ?? 200);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "reform-bench-"));
  fs.chmodSync(tmp, 0o755);
  const db = await startEmbeddedPostgres({
    dataDir: path.join(tmp, "pg"),
    persistent: false,
    port: 0,
  });
  try {
    await applyMigrations(db.url);
    process.env.DATABASE_URL = db.url;
    process.env.EVIDENCE_DIR = path.join(tmp, "evidence");
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }) });
    const { seedDemo } = await import("../../lib/db/seed");
    const seedStart = performance.now();
    const summary = await seedDemo(prisma);
    console.log(
      `seed: ${summary.enterprises} enterprises, ${summary.ledgerItems} ledger items, ${summary.entries} entries in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );

    const { loadActor } = await import("../../lib/auth/actor");
    const { listLedgerItems, getLedgerItem } = await import("../../lib/ledger/queries");
    const { LedgerListQuery } = await import("../../lib/ledger/schemas");
    const { mainTaskCompletion } = await import("../../lib/dashboard/completion");
    const { recordProgress } = await import("../../lib/ledger/record-progress");
    const actor = async (username: string) =>
      (await loadActor(
        (await prisma.user.findUniqueOrThrow({ where: { username } })).id,
        "session",
      ))!;
    const [manager, liaison] = [await actor("manager"), await actor("liaison-crrc")];
    const crrcId = liaison.enterpriseIds[0]!;
    const items = await prisma.ledgerItem.findMany({
      where: { status: "IN_PROGRESS", enterprise: { ancestors: { some: { ancestorId: crrcId } } } },
      select: { id: true },
    });

    async function measure(name: string, fn: (i: number) => Promise<unknown>) {
      for (let i = 0; i < 5; i++) await fn(i); // warm-up
      const times: number[] = [];
      for (let i = 0; i < iterations; i++) {
        const start = performance.now();
        await fn(i);
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      const pick = (q: number) =>
        times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
      console.log(
        `${name.padEnd(44)} p50 ${pick(0.5).padStart(7)} ms   p95 ${pick(0.95).padStart(7)} ms   max ${pick(1).padStart(7)} ms`,
      );
    }

    console.log(`\n${iterations} iterations each:`);
    await measure("ledger list, manager, all, 50 rows", () =>
      listLedgerItems(manager, LedgerListQuery.parse({})),
    );
    await measure("ledger list, manager, overdue main only", () =>
      listLedgerItems(manager, LedgerListQuery.parse({ overdue: "true", mainOnly: "true" })),
    );
    await measure("ledger list, liaison-crrc, search", () =>
      listLedgerItems(liaison, LedgerListQuery.parse({ q: "科技" })),
    );
    await measure("completion rate, manager, everything", () => mainTaskCompletion(manager));
    await measure("completion rate, CRRC subtree, as of 2024-12-31", () =>
      mainTaskCompletion(manager, { enterpriseId: crrcId, asOf: new Date("2024-12-31T15:59:59Z") }),
    );
    await measure("item page (detail + timeline)", (i) =>
      getLedgerItem(liaison, items[i % items.length]!.id),
    );
    const versions = new Map<string, number>();
    await measure("record progress entry (write + audit)", async (i) => {
      const id = items[i % items.length]!.id;
      const version =
        versions.get(id) ??
        (await prisma.ledgerItem.findUniqueOrThrow({ where: { id }, select: { version: true } }))
          .version;
      const result = await recordProgress(liaison, {
        itemId: id,
        locale: "zh-CN",
        input: { version, period: "2026-11", narrative: "基准测试填报", percentDone: 50 },
      });
      versions.set(id, result.item.version);
    });
    await prisma.$disconnect();
  } finally {
    await db.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
