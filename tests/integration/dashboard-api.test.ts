/**
 * GET /api/v1/dashboard end to end below HTTP: scopes and 404s, validation, the OpenAPI entry,
 * and every drill-down: the ledger list behind each figure has exactly the figure's total.
 */
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { createApiToken } from "@/lib/auth/tokens";
import { getDashboardEndpoint } from "@/lib/dashboard/api";
import { listLedgerItemsEndpoint } from "@/lib/ledger/api";
import { seededTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  db = await seededTestDatabase();
  for (const username of ["manager", "reviewer-hunan", "reviewer-central", "liaison-crrc"]) {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username } });
    tokens[username] = (await createApiToken(user.id, "test")).token;
  }
  const find = (code: string) =>
    db.prisma.enterprise.findUniqueOrThrow({ where: { code }, select: { id: true } });
  ids.crrc = (await find("CRRC")).id;
  ids.zelc = (await find("CRRC-ZELC")).id;
  ids.telecom = (await find("TELECOM")).id;
  const sup = (code: string) =>
    db.prisma.supervisor.findUniqueOrThrow({ where: { code }, select: { id: true } });
  ids.central = (await sup("SASAC-SC")).id;
  ids.hunan = (await sup("SASAC-HN")).id;
  ids.sdu = (await db.prisma.programme.findUniqueOrThrow({ where: { code: "SDU-2023" } })).id;
});
afterAll(async () => {
  await db?.drop();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function get(
  handler: typeof getDashboardEndpoint.handler,
  as: string,
  path: string,
): Promise<{ status: number; json: Json }> {
  const request = new NextRequest(`http://localhost${path}`, {
    headers: { authorization: `Bearer ${tokens[as]}`, "accept-language": "en" },
  });
  const response = await handler(request, { params: Promise.resolve({}) });
  return { status: response.status, json: (await response.json()) as Json };
}

const dashboard = (as: string, query = "") =>
  get(getDashboardEndpoint.handler, as, `/api/v1/dashboard${query ? `?${query}` : ""}`);

/** The list's total behind a drill-down address (one page of 1 is enough for the total). */
async function listTotal(as: string, url: string): Promise<number> {
  const res = await get(listLedgerItemsEndpoint.handler, as, `${url}&limit=1`);
  expect(res.status, url).toBe(200);
  return res.json.total as number;
}

async function expectDrillDowns(as: string, d: Json) {
  const checks: [string, number][] = [
    [d.headline.drillDown.total, d.headline.total],
    [d.headline.drillDown.completed, d.headline.completed],
    [d.atRisk.drillDown, d.atRisk.total],
  ];
  for (const c of [...d.byCategory, ...d.children]) {
    checks.push([c.drillDown.total, c.total], [c.drillDown.completed, c.completed]);
  }
  for (const [url, figure] of checks) {
    expect({ url, total: await listTotal(as, url) }).toEqual({ url, total: figure });
  }
}

describe("GET /api/v1/dashboard", () => {
  it("answers the whole scope of a national viewer, ranked by supervisor", async () => {
    // The programme running since 2023 (the default, the live demo one, starts later).
    const res = await dashboard("manager", `programmeId=${ids.sdu}&asOf=2025-06-30`);
    expect(res.status).toBe(200);
    const d = res.json;
    expect(d.asOf).toBe("2025-06-30");
    expect(d.node.type).toBe("scope");
    expect(d.headline.total).toBeGreaterThan(0);
    expect(d.headline.target).toEqual({ ratePercent: 100, dueDate: "2025-12-31" });
    expect(d.children.every((c: Json) => c.type === "supervisor")).toBe(true);
    const rates = d.children.map((c: Json) => c.ratePercent ?? -1);
    expect(rates).toEqual([...rates].sort((a: number, b: number) => b - a));
    expect(d.children.reduce((s: number, c: Json) => s + c.total, 0)).toBe(d.headline.total);
    expect(d.byCategory.reduce((s: number, c: Json) => s + c.total, 0)).toBe(d.headline.total);
    expect(d.trend.at(-1)).toMatchObject({ asOf: "2025-06-30", total: d.headline.total });
    expect(d.trend[0].month).toBe("2023-01");
  });

  it("every drill-down lists exactly the figure it stands beside", async () => {
    for (const [as, query] of [
      ["manager", "asOf=2024-12-31"],
      ["manager", `supervisorId=${ids.central}`],
      ["manager", `supervisorId=${ids.central}&asOf=2025-03-15`],
      ["reviewer-hunan", "asOf=2025-03-15"],
      ["reviewer-central", `enterpriseId=${ids.crrc}&asOf=2025-09-30`],
      ["liaison-crrc", ""],
      ["liaison-crrc", `enterpriseId=${ids.zelc}`],
    ] as const) {
      const res = await dashboard(as, query);
      expect(res.status, `${as} ${query}`).toBe(200);
      await expectDrillDowns(as, res.json);
    }
  });

  it("compares two days in points and tasks", async () => {
    const { json } = await dashboard("manager", "asOf=2025-06-30&compareTo=2025-05-31");
    const before = (await dashboard("manager", "asOf=2025-05-31")).json;
    expect(json.compare).toMatchObject({
      asOf: "2025-05-31",
      total: before.headline.total,
      completed: before.headline.completed,
      deltaTasks: json.headline.completed - before.headline.completed,
    });
  });

  it("a node outside the scope is a 404, like a missing one", async () => {
    for (const [as, query] of [
      ["liaison-crrc", `enterpriseId=${ids.telecom}`],
      ["liaison-crrc", `supervisorId=${ids.central}`],
      ["reviewer-hunan", `supervisorId=${ids.central}`],
      ["reviewer-hunan", `enterpriseId=${ids.crrc}`],
      ["manager", "enterpriseId=00000000-0000-7000-8000-000000000000"],
      ["manager", "programmeId=00000000-0000-7000-8000-000000000000"],
    ] as const) {
      const res = await dashboard(as, query);
      expect({ as, query, status: res.status }).toEqual({ as, query, status: 404 });
      expect(res.json.error.code).toBe("not_found");
    }
    expect((await dashboard("reviewer-hunan", `supervisorId=${ids.hunan}`)).status).toBe(200);
  });

  it("a liaison's scope node ranks their own group only", async () => {
    const { json } = await dashboard("liaison-crrc");
    expect(json.children.map((c: Json) => c.id)).toEqual([ids.crrc]);
  });

  it("rejects malformed input with field messages", async () => {
    for (const query of [
      "asOf=2025-02-30",
      "programmeId=nope",
      `supervisorId=${ids.central}&enterpriseId=${ids.crrc}`,
    ]) {
      const res = await dashboard("manager", query);
      expect(res.status, query).toBe(400);
      expect(res.json.error.fields).toBeTruthy();
    }
  });

  it("is in the OpenAPI document", () => {
    const doc = openApiDocument() as Json;
    const op = doc.paths["/dashboard"].get;
    expect(op.parameters.map((p: Json) => p.name)).toEqual(
      expect.arrayContaining(["programmeId", "asOf", "compareTo", "supervisorId", "enterpriseId"]),
    );
    expect(op.responses["200"].content["application/json"].schema.$ref).toContain("Dashboard");
    const list = doc.paths["/ledger-items"].get.parameters.map((p: Json) => p.name);
    expect(list).toEqual(expect.arrayContaining(["asOf", "completed", "colour", "supervisorId"]));
  });
});
