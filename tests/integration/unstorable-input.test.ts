/**
 * Input PostgreSQL would refuse is the user's mistake, never a 500: text with NUL or a lone
 * surrogate in a body, a query or a path; a reference to a supervisor that does not exist. Each is
 * answered with a field message in the user's language and changes nothing. Found by the OpenAPI
 * fuzzer (npm run fuzz), which saw 500s from foreign-key and encoding errors.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEnterpriseEndpoint, getEnterpriseEndpoint } from "@/lib/enterprises/api";
import { listLedgerItemsEndpoint, recordProgressEndpoint } from "@/lib/ledger/api";
import { apiCaller } from "./api-call";
import { currentPeriod, openItemOf } from "./fixtures";
import { seededTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
const call = apiCaller(() => db);

beforeAll(async () => {
  db = await seededTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

async function newEnterpriseBody(overrides: Record<string, unknown>) {
  const hn = await db.prisma.supervisor.findUniqueOrThrow({ where: { code: "SASAC-HN" } });
  return {
    code: `FUZZ-${Math.random().toString(36).slice(2, 8)}`,
    nameZh: "测试企业有限公司",
    nameEn: "Test Enterprise Co., Ltd.",
    supervisorId: hn.id,
    region: "HN",
    functionalClass: "COMMERCIAL_COMPETITIVE",
    ...overrides,
  };
}

describe("text PostgreSQL cannot store", () => {
  it.each([
    ["a NUL", "湖南\u0000测试"],
    ["a lone high surrogate", "湖南\uD800测试"],
    ["a lone low surrogate", "\uDC00湖南测试"],
  ])("%s in a body field is a 422 naming the field, in zh-CN and English", async (_, nameZh) => {
    const before = await db.prisma.enterprise.count();
    const body = await newEnterpriseBody({ nameZh });
    const zh = await call(createEnterpriseEndpoint.handler, {
      as: "admin",
      path: "/enterprises",
      body,
    });
    expect(zh.status).toBe(422);
    expect(zh.json.error.code).toBe("validation_failed");
    expect(zh.json.error.fields.nameZh).toMatch(/无法保存的字符/);
    const en = await call(createEnterpriseEndpoint.handler, {
      as: "admin",
      path: "/enterprises",
      body,
      lang: "en",
    });
    expect(en.json.error.fields.nameZh).toMatch(/cannot be stored/);
    expect(await db.prisma.enterprise.count()).toBe(before);
  });

  it("a well-formed pair (an emoji) and rare CJK outside the BMP are stored as typed", async () => {
    const nameZh = "测试𠀀企业😀";
    const body = await newEnterpriseBody({ nameZh });
    const created = await call(createEnterpriseEndpoint.handler, {
      as: "admin",
      path: "/enterprises",
      body,
    });
    expect(created.status).toBe(201);
    const row = await db.prisma.enterprise.findUniqueOrThrow({ where: { id: created.json.id } });
    expect(row.nameZh).toBe(nameZh);
  });

  it("a NUL in a ledger entry's narrative, nested in the body, changes nothing", async () => {
    const item = await openItemOf(db.prisma, "liaison-crrc");
    const entries = await db.prisma.progressEntry.count({ where: { ledgerItemId: item.id } });
    const res = await call(recordProgressEndpoint.handler, {
      as: "liaison-crrc",
      path: `/ledger-items/${item.id}/entries`,
      params: { id: item.id },
      body: {
        version: item.version,
        period: currentPeriod(),
        narrative: "进展\u0000",
        percentDone: 10,
      },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.fields.narrative).toBeTruthy();
    expect(await db.prisma.progressEntry.count({ where: { ledgerItemId: item.id } })).toBe(entries);
  });

  it("in a query string it is a 400 naming the parameter; in a path id, a 404", async () => {
    const list = await call(listLedgerItemsEndpoint.handler, {
      as: "liaison-crrc",
      path: `/ledger-items?q=${encodeURIComponent("改革\u0000")}`,
    });
    expect(list.status).toBe(400);
    expect(list.json.error.fields.q).toMatch(/无法保存的字符/);
    const one = await call(getEnterpriseEndpoint.handler, {
      as: "admin",
      path: "/enterprises/x",
      params: { id: "\u0000" },
    });
    expect(one.status).toBe(404);
  });
});

describe("references to rows that do not exist", () => {
  it("an unknown party-building supervisor is a field message, not a foreign-key 500", async () => {
    const before = await db.prisma.enterprise.count();
    const body = await newEnterpriseBody({
      partySupervisorId: "00000000-0000-4000-8000-000000000000",
    });
    const res = await call(createEnterpriseEndpoint.handler, {
      as: "admin",
      path: "/enterprises",
      body,
    });
    expect(res.status).toBe(422);
    expect(res.json.error.fields.partySupervisorId).toBeTruthy();
    expect(await db.prisma.enterprise.count()).toBe(before);
  });
});
