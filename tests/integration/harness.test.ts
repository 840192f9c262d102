/**
 * Proves the integration harness itself: a per-file database cloned from the migrated template,
 * writes and reads through Prisma, the append-only trigger on "AuditLog", isolation between
 * databases, and the refusal to touch non-local servers.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertLocalDatabaseUrl, createTestDatabase, type TestDatabase } from "./setup/db";

const migrationNames = fs
  .readdirSync(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe("integration harness", () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("gives the file its own local database and points DATABASE_URL at it", () => {
    expect(db.url).toMatch(/^postgresql:\/\/[^@]+@127\.0\.0\.1:\d+\/test_/);
    expect(process.env.DATABASE_URL).toBe(db.url);
  });

  it("has every migration applied", async () => {
    const rows = await db.prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
      ORDER BY migration_name`;
    expect(migrationNames.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.migration_name)).toEqual(migrationNames);
  });

  it("writes and reads back", async () => {
    const created = await db.prisma.auditLog.create({
      data: {
        actorLabel: "harness",
        action: "harness.write",
        entityType: "Harness",
        entityId: "1",
        after: { ok: true, note: "中文" },
      },
    });
    const read = await db.prisma.auditLog.findUniqueOrThrow({ where: { id: created.id } });
    expect(read.action).toBe("harness.write");
    expect(read.after).toEqual({ ok: true, note: "中文" });
  });

  it('refuses UPDATE and DELETE on "AuditLog" (append-only trigger)', async () => {
    const row = await db.prisma.auditLog.create({
      data: {
        actorLabel: "harness",
        action: "harness.append",
        entityType: "Harness",
        entityId: "2",
      },
    });
    await expect(
      db.prisma.auditLog.update({ where: { id: row.id }, data: { action: "tampered" } }),
    ).rejects.toThrow(/append-only/);
    await expect(
      db.prisma.$executeRaw`UPDATE "AuditLog" SET "actorLabel" = 'tampered' WHERE id = ${row.id}`,
    ).rejects.toThrow(/append-only/);
    await expect(db.prisma.auditLog.delete({ where: { id: row.id } })).rejects.toThrow(
      /append-only/,
    );
    const after = await db.prisma.auditLog.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.action).toBe("harness.append");
  });

  it("isolates databases from each other", async () => {
    const other = await createTestDatabase({ setEnv: false });
    try {
      expect(other.url).not.toBe(db.url);
      expect(await other.prisma.auditLog.count()).toBe(0);
      expect(await db.prisma.auditLog.count()).toBeGreaterThan(0);
    } finally {
      await other.drop();
    }
    expect(process.env.DATABASE_URL).toBe(db.url);
  });

  it("refuses non-local database servers", () => {
    expect(() => assertLocalDatabaseUrl("postgresql://u:p@db.example.gov.cn:5432/prod")).toThrow(
      /non-local/,
    );
    expect(() => assertLocalDatabaseUrl("postgresql://u:p@127.0.0.1:5432/x")).not.toThrow();
  });
});
