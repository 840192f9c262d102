/**
 * Each ledger item carries its enterprise's supervisor (the province's list pages walk it), kept
 * by the database whoever writes: on insert, when an enterprise is handed to another supervisor
 * with its subtree, and when a merge moves items to a survivor under another supervisor.
 */
import { describe, expect, it } from "vitest";
import { mergeEnterprises } from "@/lib/history/merge-enterprises";
import { moveEnterprise } from "@/lib/history/move-enterprise";
import { Prisma } from "@/lib/generated/prisma/client";
import { seededWithAdmin, unassignedPairs } from "./fixtures";

const file = seededWithAdmin();

/** Items whose supervisor column is not their enterprise's supervisor now. */
async function drift() {
  const [row] = await file.db.prisma.$queryRaw<{ items: number; drift: number }[]>`
    SELECT count(*)::int AS "items",
           count(*) FILTER (WHERE li."supervisorId" IS DISTINCT FROM e."supervisorId")::int AS "drift"
    FROM "LedgerItem" li JOIN "Enterprise" e ON e."id" = li."enterpriseId"`;
  return row!;
}

describe("an item's supervisor", () => {
  it("is its enterprise's after inserts, hand-overs and merges", async () => {
    const { db, admin } = file;
    const prisma = db.prisma;
    const seeded = await drift();
    expect(seeded.items).toBeGreaterThan(100);
    expect(seeded.drift).toBe(0);
    const [sc, hn, zj] = await Promise.all(
      ["SASAC-SC", "SASAC-HN", "SASAC-ZJ"].map((code) =>
        prisma.supervisor.findUniqueOrThrow({ where: { code } }),
      ),
    );

    // Inserted without the column (as the app's writers do): it takes the enterprise's.
    const template = await prisma.ledgerItem.findFirstOrThrow({
      select: { programmeId: true, categoryId: true, dueDate: true },
    });
    const [free] = await unassignedPairs(prisma, 1, Prisma.sql`e."supervisorId" = ${zj!.id}::uuid`);
    const created = await prisma.ledgerItem.create({
      data: { ...template, ...free!, isMain: false },
      select: { supervisorId: true },
    });
    expect(created.supervisorId).toBe(zj!.id);

    // A subsidiary with children handed, with its subtree, to another supervisor.
    const moved = await prisma.enterprise.findFirstOrThrow({
      where: { supervisorId: sc!.id, depth: 1, children: { some: {} }, ledgerItems: { some: {} } },
      orderBy: { code: "asc" },
    });
    const target = await prisma.enterprise.findFirstOrThrow({
      where: { supervisorId: hn!.id, depth: 0 },
      orderBy: { code: "asc" },
    });
    const at = new Date(Date.now() - 60_000);
    await prisma.$transaction((tx) =>
      moveEnterprise(tx, {
        enterpriseId: moved.id,
        parentId: target.id,
        supervisorId: hn!.id,
        at,
        actor: admin,
      }),
    );
    const subtree = (
      await prisma.enterpriseClosure.findMany({ where: { ancestorId: moved.id } })
    ).map((c) => c.descendantId);
    expect(subtree.length).toBeGreaterThan(1);
    const followed = await prisma.ledgerItem.groupBy({
      by: ["supervisorId"],
      where: { enterpriseId: { in: subtree } },
      _count: true,
    });
    expect(followed.map((g) => g.supervisorId)).toEqual([hn!.id]);
    expect((await drift()).drift).toBe(0);

    // A leaf of another supervisor merged into the moved subsidiary: its items move to it.
    const absorbed = await prisma.enterprise.findFirstOrThrow({
      where: { supervisorId: zj!.id, children: { none: {} }, ledgerItems: { some: {} } },
      orderBy: { code: "asc" },
    });
    const items = await prisma.ledgerItem.findMany({
      where: { enterpriseId: absorbed.id },
      select: { id: true },
    });
    await prisma.$transaction((tx) =>
      mergeEnterprises(tx, {
        survivorId: moved.id,
        absorbedId: absorbed.id,
        at: new Date(Date.now() - 30_000),
        actor: admin,
      }),
    );
    const after = await prisma.ledgerItem.findMany({
      where: { id: { in: items.map((i) => i.id) }, enterpriseId: moved.id },
      select: { supervisorId: true },
    });
    expect(after.length).toBeGreaterThan(0);
    expect(new Set(after.map((i) => i.supervisorId))).toEqual(new Set([hn!.id]));
    expect((await drift()).drift).toBe(0);
  });
});
