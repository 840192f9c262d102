/**
 * Benchmark of the Excel import at the size a provincial SASAC sends, in a throwaway embedded
 * PostgreSQL with the demo data:
 *   npm run bench:import      (BENCH_IMPORT_ROWS=10000 by default)
 * Generates a registry workbook of new enterprises (three levels under new groups of Hunan
 * SASAC) and a ledger workbook of new items for them, then times for each the dry run, the
 * apply, and a second import of the same file (all unchanged); then a ledger edit of every row.
 * Prints the figures; asserts nothing about time.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { applyMigrations } from "../lib/db/schema-engine";
import { PrismaClient } from "../lib/generated/prisma/client";

const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "reform-bench-import-"));
fs.chmodSync(tmp, 0o755);
const db = await startEmbeddedPostgres({
  dataDir: path.join(tmp, "pg"),
  persistent: false,
  port: 0,
});
try {
  await applyMigrations(db.url);
  process.env.DATABASE_URL = db.url;
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }) });
  const { seedDemo } = await import("../lib/db/seed");
  await seedDemo(prisma);
  const { loadActor } = await import("../lib/auth/actor");
  const { withCheckCharacter } = await import("../lib/enterprises/credit-code");
  const { renderWorkbook } = await import("../lib/exports/workbook");
  const { runImport } = await import("../lib/imports/run-import");
  const { ENTERPRISE_SHEET, ITEM_SHEET } = await import("../lib/imports/sheets");
  const user = await prisma.user.findUniqueOrThrow({ where: { username: "admin" } });
  const actor = (await loadActor(user.id, "session"))!;
  const programme = await prisma.programme.findUniqueOrThrow({ where: { code: "SDU-2023" } });
  const now = new Date();

  // Ten groups, a hundredth of the rows as second level, the rest as third level.
  const groups = 10;
  const second = Math.max(groups, Math.floor(rows / 10) - groups);
  const enterprises = Array.from({ length: rows }, (_, i) => {
    const code = `BENCH-${String(i).padStart(6, "0")}`;
    const parent =
      i < groups
        ? null
        : i < groups + second
          ? `BENCH-${String(i % groups).padStart(6, "0")}`
          : `BENCH-${String(groups + (i % second)).padStart(6, "0")}`;
    return {
      "enterprise.code": code,
      "enterprise.parentCode": parent,
      "enterprise.supervisorCode": "SASAC-HN",
      "enterprise.creditCode": withCheckCharacter(`91430000${String(i).padStart(9, "0")}`),
      "enterprise.nameZh": `湖南基准测试企业${i}有限公司`,
      "enterprise.nameEn": `Hunan Benchmark Enterprise ${i} Co., Ltd.`,
      "enterprise.ownershipForm": "WHOLLY_STATE_OWNED",
      "enterprise.sortOrder": i,
    };
  });
  const tasks = await prisma.task.findMany({
    where: { programmeId: programme.id },
    orderBy: { code: "asc" },
  });
  const items = Array.from({ length: rows }, (_, i) => ({
    "item.enterpriseCode": enterprises[Math.floor(i / tasks.length)]!["enterprise.code"],
    "item.taskCode": tasks[i % tasks.length]!.code,
    "item.responsibleDept": "改革办",
    "item.responsiblePerson": "张三",
    "item.responsiblePhone": "0731-88888888",
    "item.dueDate": "2025-12-31",
    "item.notApplicable": false,
  }));
  const options = { locale: "zh-CN" as const, now, watermark: null };
  const registry = await renderWorkbook([{ def: ENTERPRISE_SHEET, rows: enterprises }], options);
  const ledger = await renderWorkbook([{ def: ITEM_SHEET, rows: items }], options);
  const edited = await renderWorkbook(
    [{ def: ITEM_SHEET, rows: items.map((r) => ({ ...r, "item.responsiblePerson": "李四" })) }],
    options,
  );
  console.log(
    `${rows} rows: registry ${(registry.byteLength / 1024).toFixed(0)} KB, ledger ${(ledger.byteLength / 1024).toFixed(0)} KB`,
  );

  async function time(label: string, kind: "registry" | "ledger", bytes: Buffer, dryRun: boolean) {
    const start = performance.now();
    const report = await runImport(
      actor,
      { kind, programmeId: programme.id, dryRun, fileName: `${kind}.xlsx`, bytes },
      { locale: "zh-CN", now: new Date() },
    );
    const ms = performance.now() - start;
    const s = report.sheets[0];
    console.log(
      `${label.padEnd(36)} ${(ms / 1000).toFixed(2).padStart(6)} s   problems ${report.problemCount}, ` +
        `created ${s?.created ?? 0}, updated ${s?.updated ?? 0}, unchanged ${s?.unchanged ?? 0}`,
    );
  }
  await time("registry: dry run", "registry", registry, true);
  await time("registry: apply", "registry", registry, false);
  await time("registry: same file again", "registry", registry, false);
  await time("ledger: dry run", "ledger", ledger, true);
  await time("ledger: apply", "ledger", ledger, false);
  await time("ledger: same file again", "ledger", ledger, false);
  await time("ledger: every row edited, apply", "ledger", edited, false);
  await prisma.$disconnect();
} finally {
  await db.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}
