/**
 * The authorization matrix (tests/authz/matrix.ts), run: every role x every /api/v1 operation x
 * target tree, through the real handlers with a Bearer API token per demo user. Bearer calls need
 * no Origin and never pass through a proxy, so the matrix holds with any proxy disabled.
 * Every 403 must leave an "access.denied" audit row with the answer's request id.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_ENDPOINTS } from "@/lib/api/catalog";
import { call, opKey, routeOperations } from "../authz/call";
import { loadFixtures, ROLES, TARGETS, type Fixtures, type Role } from "../authz/fixtures";
import { AUTHZ_MATRIX, PUBLIC_OPERATIONS, expectedStatus } from "../authz/matrix";
import { REQUESTS } from "../authz/requests";
import { seededTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
let fx: Fixtures;

beforeAll(async () => {
  db = await seededTestDatabase();
  fx = await loadFixtures(db.prisma);
}, 120_000);
afterAll(async () => {
  await db?.drop();
});

describe("the matrix covers every operation", () => {
  it("lists every endpoint of the catalogue, with a request for it", () => {
    const keys = API_ENDPOINTS.map(opKey);
    expect(keys.filter((k) => !AUTHZ_MATRIX[k])).toEqual([]);
    expect(keys.filter((k) => !REQUESTS[k])).toEqual([]);
    expect(Object.keys(AUTHZ_MATRIX).filter((k) => !keys.includes(k))).toEqual([]);
  });

  it("lists every route file under app/api/v1", () => {
    const missing = routeOperations().filter((k) => !AUTHZ_MATRIX[k] && !PUBLIC_OPERATIONS[k]);
    expect(missing).toEqual([]);
  });

  it("names every role for every operation", () => {
    for (const [key, row] of Object.entries(AUTHZ_MATRIX))
      expect(Object.keys(row.expect).sort(), key).toEqual([...ROLES].sort());
  });
});

describe("every role x operation x target answers as the matrix says", () => {
  // AUTHZ_OBSERVED=file writes what each call answered, to review a change of the matrix.
  const observed: Record<string, Record<string, number[]>> = {};
  const notes: string[] = [];
  afterAll(() => {
    if (process.env.AUTHZ_OBSERVED)
      fs.writeFileSync(process.env.AUTHZ_OBSERVED, JSON.stringify({ observed, notes }, null, 1));
  });

  for (const endpoint of API_ENDPOINTS) {
    const key = opKey(endpoint);
    it(
      key,
      async () => {
        const row = AUTHZ_MATRIX[key];
        const build = REQUESTS[key]!;
        const targets = build.length < 2 ? (["crrc"] as const) : TARGETS;
        const mismatches: string[] = [];
        observed[key] = {};
        for (const role of ROLES) {
          observed[key][role] = [];
          for (const target of targets) {
            const res = await call(endpoint, fx.tokens[role as Role], await build(fx, target));
            observed[key][role].push(res.status);
            if (
              (res.status >= 400 && res.status !== 403 && res.status !== 404) ||
              key === "POST /review-decisions"
            )
              notes.push(`${key} ${role} ${target} ${res.status} ${JSON.stringify(res.json)}`);
            const want = row ? expectedStatus(row, role, target) : undefined;
            if (want !== res.status)
              mismatches.push(
                `${role} on ${target}: ${res.status} (expected ${want}) ${JSON.stringify(res.json)?.slice(0, 160)}`,
              );
            if (res.status === 403) {
              const denial = await db.prisma.auditLog.findFirst({
                where: { action: "access.denied", requestId: res.requestId },
              });
              if (!denial)
                mismatches.push(`${role} on ${target}: 403 without an access.denied row`);
            }
          }
        }
        expect(mismatches).toEqual([]);
      },
      120_000,
    );
  }
});
