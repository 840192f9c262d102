/**
 * The audit journal is append-only in the database and hash-chained by a trigger: ordinary
 * UPDATE/DELETE/TRUNCATE are refused, bulk and concurrent inserts keep one linear chain, and the
 * verifier names an edited row and a removed row by id after the owner tampered with the table
 * behind the triggers' back.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordDenial } from "@/lib/audit/record-denial";
import { verifyAuditChain } from "@/lib/audit/verify";
import { createTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

const row = (n: number, extra: Record<string, unknown> = {}) => ({
  actorLabel: "test",
  action: "chain.write",
  entityType: "ChainTest",
  entityId: String(n),
  after: { n, note: "中文", nested: { b: 1, a: [1, 2] } },
  ...extra,
});

describe("audit chain", () => {
  it("chains single, bulk and concurrent inserts into one line in id order", async () => {
    await db.prisma.auditLog.create({ data: row(0) });
    await db.prisma.auditLog.createMany({
      data: Array.from({ length: 200 }, (_, i) => row(i + 1)),
    });
    // Concurrent writers, each a transaction with several rows and a pause inside.
    await Promise.all(
      Array.from({ length: 6 }, (_, w) =>
        db.prisma.$transaction(async (tx) => {
          await tx.auditLog.create({ data: row(1000 + w) });
          await new Promise((r) => setTimeout(r, 20));
          await tx.auditLog.createMany({ data: [row(2000 + w), row(3000 + w)] });
        }),
      ),
    );
    // A rolled-back insert leaves a gap in the ids, which is not a problem.
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.auditLog.create({ data: row(9999) });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    await db.prisma.auditLog.create({ data: row(4000) });

    const rows = await db.prisma.auditLog.findMany({ orderBy: { id: "asc" } });
    expect(rows).toHaveLength(1 + 200 + 18 + 1);
    expect(rows[0]!.prevHash).toBeNull();
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i]!.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    }
    const report = await verifyAuditChain(db.prisma);
    expect(report).toEqual({ checked: rows.length, problems: [] });
  });

  it("records a denial as a chained row", async () => {
    await recordDenial(db.prisma, {
      actor: null,
      permission: "ledger.write",
      entityType: "LedgerItem",
      entityId: "x",
      reason: "forbidden",
      requestId: "r-1",
    });
    const denial = await db.prisma.auditLog.findFirstOrThrow({
      where: { action: "access.denied" },
    });
    expect(denial).toMatchObject({
      actorLabel: "system",
      after: { permission: "ledger.write", reason: "forbidden" },
      requestId: "r-1",
    });
    expect(denial.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses UPDATE, DELETE and TRUNCATE", async () => {
    const written = await db.prisma.auditLog.create({ data: row(5000) });
    await expect(
      db.prisma.auditLog.update({ where: { id: written.id }, data: { action: "tampered" } }),
    ).rejects.toThrow(/append-only/);
    await expect(
      db.prisma.$executeRaw`UPDATE "AuditLog" SET hash = NULL WHERE id = ${written.id}`,
    ).rejects.toThrow(/append-only/);
    await expect(db.prisma.auditLog.delete({ where: { id: written.id } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.prisma.$executeRawUnsafe('TRUNCATE "AuditLog"')).rejects.toThrow(/append-only/);
  });

  it("refuses to chain under REPEATABLE READ, where the chain could fork", async () => {
    await expect(
      db.prisma.$transaction((tx) => tx.auditLog.create({ data: row(6000) }), {
        isolationLevel: "RepeatableRead",
      }),
    ).rejects.toThrow(/READ COMMITTED/);
  });

  it("reports an edited row and a deleted row by id after tampering behind the triggers", async () => {
    const ids = (
      await db.prisma.auditLog.findMany({ select: { id: true }, orderBy: { id: "asc" } })
    ).map((r) => r.id);
    const edited = ids[10]!;
    const deleted = ids[50]!;
    // The owner lifts the append-only trigger for one transaction and edits the journal.
    await db.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only"');
      await tx.$executeRaw`UPDATE "AuditLog" SET after = '{"n": -1}' WHERE id = ${edited}`;
      await tx.$executeRaw`DELETE FROM "AuditLog" WHERE id = ${deleted}`;
      await tx.$executeRawUnsafe('ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_append_only"');
    });

    const report = await verifyAuditChain(db.prisma);
    expect(report.checked).toBe(ids.length - 1);
    expect(report.problems).toEqual([
      { kind: "edited", id: edited.toString() },
      {
        kind: "missing",
        id: ids[51]!.toString(),
        afterId: ids[49]!.toString(),
        missingIds: [deleted.toString()],
      },
    ]);
  });

  it("the migration's back-fill chains rows written before the chain existed", async () => {
    const other = await createTestDatabase({ setEnv: false });
    try {
      // Rows as an older version wrote them: no hashes.
      await other.prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe('ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_chain"');
        await tx.auditLog.createMany({ data: Array.from({ length: 30 }, (_, i) => row(i)) });
        await tx.$executeRawUnsafe('ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_chain"');
      });
      expect((await verifyAuditChain(other.prisma)).problems).toHaveLength(30);

      const dir = path.join(process.cwd(), "prisma", "migrations");
      const migration = fs
        .readdirSync(dir)
        .find((name) => name.endsWith("_sessions_throttle_audit_chain"))!;
      const sql = fs.readFileSync(path.join(dir, migration, "migration.sql"), "utf8");
      const backfill = /^DO E'[\s\S]*?^END';$/m.exec(sql)![0];
      await other.prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe('ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only"');
        await tx.$executeRawUnsafe(backfill);
        await tx.$executeRawUnsafe('ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_append_only"');
      });
      // New rows continue the back-filled chain.
      await other.prisma.auditLog.create({ data: row(100) });
      expect(await verifyAuditChain(other.prisma)).toEqual({ checked: 31, problems: [] });
    } finally {
      await other.drop();
    }
  });
});
