/**
 * Enterprise search (GET /api/v1/enterprises?q=): best hits first, so the picker shows the group
 * someone means at the top, and never anything outside the caller's scope, on any page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { inMostNames, listEnterprises } from "@/lib/enterprises/queries";
import type { EnterpriseSummary } from "@/lib/enterprises/schemas";
import { seededTestDatabase, type TestDatabase } from "./setup/db";
import { actorFor } from "./fixtures";

let db: TestDatabase;
const actors: Record<string, Actor> = {};

beforeAll(async () => {
  db = await seededTestDatabase();
  for (const username of ["admin", "liaison-crrc", "liaison-telecom"]) {
    actors[username] = await actorFor(db.prisma, username);
  }
});
afterAll(async () => {
  await db?.drop();
});

/** Every hit of a search, page by page through the cursor. */
async function searchAll(
  actor: Actor,
  q: string,
  limit: number,
  search?: "statement" | "tiers",
  filters: { parentId?: string; supervisorId?: string; roots?: boolean } = {},
) {
  const out: EnterpriseSummary[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 500; guard++) {
    const page = await listEnterprises(
      actor,
      { q, limit, cursor, roots: false, ...filters },
      search,
    );
    out.push(...page.items);
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
  throw new Error("the search never ended");
}

const rootOf = async (code: string) =>
  db.prisma.enterprise.findFirstOrThrow({ where: { code }, select: { id: true } });

describe("enterprise search order", () => {
  it('puts the exact code first: "CRRC" finds the group before its subsidiaries', async () => {
    const { items } = await listEnterprises(actors.admin!, { q: "CRRC", limit: 20, roots: false });
    expect(items[0]).toMatchObject({ code: "CRRC", depth: 0 });
    expect(items.length).toBeGreaterThan(1);
    expect(items.slice(1).every((e) => e.code !== "CRRC")).toBe(true);
  });

  it('ranks name prefixes next, groups first: "中车" finds 中国中车集团 first', async () => {
    const { items } = await listEnterprises(actors.admin!, { q: "中车", limit: 20, roots: false });
    expect(items[0]).toMatchObject({ code: "CRRC", nameZh: "中国中车集团有限公司" });
    const prefixed = items.filter((e) => e.nameZh.startsWith("中车"));
    expect(prefixed.length).toBeGreaterThan(0);
    // Prefix hits come before hits in the middle of a name ("株洲中车…").
    const lastPrefix = items.findLastIndex((e) => e.nameZh.startsWith("中车"));
    const firstInside = items.findIndex(
      (e) => !e.nameZh.startsWith("中车") && !e.nameZh.startsWith("中国中车"),
    );
    if (firstInside >= 0) expect(lastPrefix).toBeLessThan(firstInside);
  });

  it("orders each tier by depth, then name", async () => {
    const items = await searchAll(actors.admin!, "有限公司", 200);
    // No exact code or prefix: one tier, so depth never goes back up.
    for (let i = 1; i < items.length; i++) {
      const [a, b] = [items[i - 1]!, items[i]!];
      expect(a.depth <= b.depth, `${a.code} (${a.depth}) before ${b.code} (${b.depth})`).toBe(true);
    }
  });

  it("pages through the ranked hits without gaps or repeats", async () => {
    for (const q of ["CRRC", "中车", "集团"]) {
      const whole = await searchAll(actors.admin!, q, 200);
      const paged = await searchAll(actors.admin!, q, 3);
      expect(paged.map((e) => e.id)).toEqual(whole.map((e) => e.id));
    }
  });
});

describe("enterprise search scope", () => {
  it("never returns another group's enterprises, on any page", async () => {
    const crrc = await rootOf("CRRC");
    const telecom = await rootOf("TELECOM");
    for (const q of ["有限公司", "集团", "TELECOM", "电信", "CRRC", "中车"]) {
      const asCrrc = await searchAll(actors["liaison-crrc"]!, q, 5);
      for (const e of asCrrc) expect(e.id === crrc.id || e.rootId === crrc.id, e.code).toBe(true);
      const asTelecom = await searchAll(actors["liaison-telecom"]!, q, 5);
      for (const e of asTelecom)
        expect(e.id === telecom.id || e.rootId === telecom.id, e.code).toBe(true);
    }
    expect(await searchAll(actors["liaison-crrc"]!, "TELECOM", 5)).toEqual([]);
    expect(await searchAll(actors["liaison-telecom"]!, "中车", 5)).toEqual([]);
  });
});

describe("enterprise search hits", () => {
  it("are the same read through the search pieces' index as filtered in place", async () => {
    const sample = await db.prisma.enterprise.findFirstOrThrow({
      where: { creditCode: { not: null }, parentId: { not: null } },
      select: { id: true, code: true, nameEn: true, creditCode: true },
    });
    // A former name only this enterprise ever had.
    await db.prisma.enterpriseName.create({
      data: {
        enterpriseId: sample.id,
        nameZh: "旧称测试机械厂",
        nameEn: "Old Name Test Works",
        validFrom: new Date("2010-01-01"),
        validTo: new Date("2015-01-01"),
      },
    });
    // Statistics of the pieces, so that both plans are taken below: the common words match
    // names in one scan, the others through the pieces' index.
    await db.prisma.$executeRaw`ANALYZE "EnterpriseSearch"`;
    expect(await inMostNames(db.prisma, "有限公司")).toBe(true);
    expect(await inMostNames(db.prisma, "中车")).toBe(false);
    const queries = [
      ...[
        "中",
        "中车",
        "集团",
        "有限公司",
        "crrc",
        "TeLeCoM",
        "旧称",
        "old name",
        "%",
        "_",
        "无此名",
      ],
      sample.code.slice(1, 5),
      sample.nameEn.slice(2, 8).toLowerCase(),
      sample.creditCode!.toLowerCase(),
    ];
    for (const q of queries) {
      for (const actor of [actors.admin!, actors["liaison-crrc"]!]) {
        const byIndex = await searchAll(actor, q, 200);
        const inPlace = await searchAll(actor, q, 200, "tiers");
        expect(
          byIndex.map((e) => e.code),
          q,
        ).toEqual(inPlace.map((e) => e.code));
      }
    }
    const hits = async (q: string) => (await searchAll(actors.admin!, q, 200)).map((e) => e.id);
    expect(await hits("旧称测试")).toEqual([sample.id]);
    expect(await hits(sample.creditCode!.toLowerCase())).toContain(sample.id);
    expect(await hits("无此名")).toEqual([]);
    expect((await hits("集团")).length).toBeGreaterThan(3);
  });

  it("are the same, page by page, under the tree, supervisor and roots filters", async () => {
    const crrc = await rootOf("CRRC");
    const { supervisorId } = await db.prisma.enterprise.findUniqueOrThrow({
      where: { id: crrc.id },
      select: { supervisorId: true },
    });
    const filters = [{ parentId: crrc.id }, { supervisorId }, { roots: true }];
    let seen = 0;
    for (const q of ["中", "集团", "有限公司", "crrc"])
      for (const f of filters)
        for (const actor of [actors.admin!, actors["liaison-crrc"]!]) {
          const statement = await searchAll(actor, q, 4, "statement", f);
          const tiers = await searchAll(actor, q, 4, "tiers", f);
          expect(
            statement.map((e) => e.code),
            JSON.stringify({ q, f }),
          ).toEqual(tiers.map((e) => e.code));
          seen += statement.length;
        }
    expect(seen).toBeGreaterThan(20);
  });

  it("follow a rename and a new enterprise at once (the pieces are kept by the database)", async () => {
    const hits = async (q: string) => (await searchAll(actors.admin!, q, 200)).map((e) => e.id);
    const sample = await db.prisma.enterprise.findFirstOrThrow({
      where: { parentId: { not: null } },
      select: { id: true, parentId: true, supervisorId: true },
    });
    await db.prisma.enterprise.update({
      where: { id: sample.id },
      data: { nameZh: "改名验证精密仪器厂", nameEn: "Renamed Precision Works" },
    });
    expect(await hits("改名验证")).toEqual([sample.id]);
    expect(await hits("precision works")).toEqual([sample.id]);
    const created = await db.prisma.enterprise.create({
      data: {
        code: "NEWSEARCH01",
        nameZh: "新设检索测试公司",
        nameEn: "New Search Test Co",
        parentId: sample.parentId,
        supervisorId: sample.supervisorId,
        depth: 1,
      },
      select: { id: true },
    });
    expect(await hits("新设检索")).toEqual([created.id]);
    expect(await hits("newsearch0")).toEqual([created.id]);
    // The names and code of the rows, pieces recomputed: every enterprise has exactly its own.
    const [stale] = await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS "n" FROM "Enterprise" e
      LEFT JOIN "EnterpriseSearch" s ON s."enterpriseId" = e."id"
      WHERE s."grams" IS DISTINCT FROM ledger_grams(e."nameZh" || ' ' || e."nameEn" || ' ' || e."code")`;
    expect(stale!.n).toBe(0);
  });
});
