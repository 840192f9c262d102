/**
 * A supervisor's children on the dashboard are its roots as the tree stood on the day. They are
 * found through a short list of candidates (lib/dashboard/nodes.ts), not the supervisor's whole
 * tree: this moves enterprises in each way that changes the list (a root given a parent, a root
 * handed to another supervisor, a subsidiary made a root) and compares the list, at instants
 * around each move, with the definition read straight from the spans.
 */
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { listChildren } from "@/lib/dashboard/nodes";
import { moveEnterprise } from "@/lib/history/move-enterprise";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { addDays } from "@/lib/time";
import { actorFor, seededWithAdmin } from "./fixtures";

const file = seededWithAdmin();

/** The roots supervised by `supervisorId` at `at`, by definition, in the dashboard's order. */
async function rootsByDefinition(prisma: PrismaClient, supervisorId: string, at: Date) {
  const valid = { validFrom: { lte: at }, OR: [{ validTo: null }, { validTo: { gt: at } }] };
  const rows = await prisma.enterprise.findMany({
    where: {
      supervisorSpans: { some: { supervisorId, ...valid } },
      ancestorSpans: { none: { depth: { gt: 0 }, ...valid } },
    },
    select: { id: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  return rows.map((r) => r.id);
}

describe("a supervisor's roots on a day", () => {
  it("follow moves of every kind, before and after each", async () => {
    const { db, admin } = file;
    const prisma = db.prisma;
    const [sc, hn, zj] = await Promise.all(
      ["SASAC-SC", "SASAC-HN", "SASAC-ZJ"].map((code) =>
        prisma.supervisor.findUniqueOrThrow({ where: { code } }),
      ),
    );
    const closed = await prisma.reportingRound.aggregate({
      where: { status: "CLOSED" },
      _max: { periodEnd: true },
    });
    const from = Math.max(
      addDays(closed._max.periodEnd ?? new Date(0), 2).getTime(),
      Date.now() - 20 * 86_400_000,
    );
    const at = (k: number) => new Date(from + ((Date.now() - from) * k) / 4);
    const [t1, t2, t3] = [at(1), at(2), at(3)];
    const groups = (supervisorId: string) =>
      prisma.enterprise.findMany({
        where: { supervisorId, parentId: null },
        orderBy: { code: "asc" },
      });
    const [scGroups, hnGroups] = [await groups(sc!.id), await groups(hn!.id)];
    expect(scGroups.length).toBeGreaterThan(2);
    const subsidiary = await prisma.enterprise.findFirstOrThrow({
      where: { supervisorId: sc!.id, depth: 1, parent: { id: { not: scGroups[0]!.id } } },
      orderBy: { code: "asc" },
    });
    const move = (input: Parameters<typeof moveEnterprise>[1]) =>
      prisma.$transaction((tx) => moveEnterprise(tx, input));
    // A root given a parent; a root handed to another supervisor; a subsidiary made a root.
    await move({ enterpriseId: scGroups[1]!.id, parentId: scGroups[0]!.id, at: t1, actor: admin });
    await move({ enterpriseId: hnGroups[0]!.id, supervisorId: zj!.id, at: t2, actor: admin });
    await move({ enterpriseId: subsidiary.id, parentId: null, at: t3, actor: admin });

    // A province's reviewer sees the roots its supervisor supervises now, whenever they were.
    const province = await actorFor(prisma, "reviewer-hunan");
    expect(province).toMatchObject({ scopeAll: false, supervisorIds: [hn!.id], enterpriseIds: [] });
    const viewers: Actor[] = [admin, province];
    const instants = [t1, t2, t3].flatMap((t) => [new Date(t.getTime() - 1), t]);
    instants.push(new Date(from - 86_400_000), new Date());
    let compared = 0;
    for (const viewer of viewers)
      for (const s of [sc!, hn!, zj!])
        for (const at of instants) {
          const node = {
            type: "supervisor" as const,
            id: s.id,
            nameZh: s.nameZh,
            nameEn: s.nameEn,
          };
          const listed = (await listChildren(viewer, node, at, prisma)).map((c) => c.id);
          const expected = await rootsByDefinition(prisma, s.id, at);
          const visible = viewer.scopeAll
            ? expected
            : (
                await prisma.enterprise.findMany({
                  where: { id: { in: expected }, supervisorId: { in: [...viewer.supervisorIds] } },
                  select: { id: true },
                })
              )
                .map((e) => e.id)
                .sort((a, b) => expected.indexOf(a) - expected.indexOf(b));
          expect({ viewer: viewer.username, s: s.code, at, listed }).toEqual({
            viewer: viewer.username,
            s: s.code,
            at,
            listed: visible,
          });
          compared += listed.length;
        }
    expect(compared).toBeGreaterThan(0);
    // Each move changed the list it should: the cases above are not vacuous.
    const before = (s: string, t: Date) => rootsByDefinition(prisma, s, new Date(t.getTime() - 1));
    expect(await before(sc!.id, t1)).toContain(scGroups[1]!.id);
    expect(await rootsByDefinition(prisma, sc!.id, t1)).not.toContain(scGroups[1]!.id);
    expect(await before(hn!.id, t2)).toContain(hnGroups[0]!.id);
    expect(await rootsByDefinition(prisma, zj!.id, t2)).toContain(hnGroups[0]!.id);
    expect(await before(sc!.id, t3)).not.toContain(subsidiary.id);
    expect(await rootsByDefinition(prisma, sc!.id, t3)).toContain(subsidiary.id);
  });
});
