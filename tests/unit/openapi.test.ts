/**
 * The OpenAPI document as a contract a generated client can rely on: a unique camelCase
 * operationId on every operation, every documented path backed by a route file exporting that
 * method (and every route documented), the error answers each operation can give, and the rules
 * the server enforces (period format, a comment to return) written into the schemas and in step
 * with the server's own validation.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { derivedOperationId } from "@/lib/api/operation-ids";
import { PERIOD_PATTERN } from "@/lib/api/openapi-rules";
import { RecordProgressInput } from "@/lib/ledger/schemas";
import { ReviewDecisionInput } from "@/lib/review/schemas";
import { OpenRoundInput } from "@/lib/rounds/schemas";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const doc = openApiDocument() as Json;
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const operations = Object.entries(doc.paths as Json).flatMap(([p, item]) =>
  Object.entries(item as Json)
    .filter(([method]) => METHODS.includes(method))
    .map(([method, op]) => ({ path: p, method, op: op as Json })),
);
const API_DIR = path.join(process.cwd(), "app", "api", "v1");

/** "/ledger-items/{id}/entries" -> app/api/v1/ledger-items/[id]/entries/route.ts */
const routeFileOf = (apiPath: string) =>
  path.join(
    API_DIR,
    ...apiPath
      .split("/")
      .filter(Boolean)
      .map((s) => s.replace(/^\{(.+)\}$/, "[$1]")),
    "route.ts",
  );

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

const exportsMethod = (source: string, method: string) =>
  new RegExp(`export\\s+(const\\s+${method}\\b|(async\\s+)?function\\s+${method}\\b)`).test(source);

describe("operations", () => {
  it("every operation has a unique camelCase operationId", () => {
    expect(operations.length).toBeGreaterThan(30);
    const ids = operations.map(({ op }) => op.operationId as string);
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z0-9]*$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("operationIds are the endpoints' names", () => {
    const id = (p: string, m: string) => doc.paths[p][m].operationId;
    expect(id("/ledger-items/{id}/entries", "post")).toBe("recordProgress");
    expect(id("/me", "get")).toBe("getMe");
    expect(id("/rounds/{id}/reminders", "post")).toBe("remindLateUnits");
    expect(id("/saved-views/{id}", "delete")).toBe("deleteSavedView");
    // An endpoint of a module the naming table does not know still gets a stable one.
    expect(derivedOperationId("post", "/rounds/{id}/reminders")).toBe("postRoundsByIdReminders");
  });

  it("every documented path is a route file exporting that method", () => {
    for (const { path: p, method } of operations) {
      const file = routeFileOf(p);
      expect(fs.existsSync(file), `${p} -> ${path.relative(process.cwd(), file)}`).toBe(true);
      expect(
        exportsMethod(fs.readFileSync(file, "utf8"), method.toUpperCase()),
        `${method} ${p}`,
      ).toBe(true);
    }
  });

  it("every route file under app/api/v1 is documented (except the document itself)", () => {
    const documented = new Set(Object.keys(doc.paths).map(routeFileOf));
    const undocumented = routeFiles(API_DIR)
      .filter((file) => !documented.has(file))
      .map((file) => path.relative(API_DIR, file));
    expect(undocumented).toEqual(["openapi.json/route.ts"]);
  });
});

describe("error answers", () => {
  it("every operation documents 401, 403, 404 and 503 (with Retry-After) as ApiError", () => {
    for (const { path: p, method, op } of operations) {
      for (const status of ["401", "403", "404", "503"]) {
        expect(op.responses[status], `${method} ${p} ${status}`).toBeDefined();
        expect(op.responses[status].content["application/json"].schema.$ref).toContain("ApiError");
      }
      expect(op.responses["503"].headers["Retry-After"]).toBeDefined();
    }
  });

  it("JSON writes document 400, 409, 415 and 422; uploads 400 and 422", () => {
    const record = doc.paths["/ledger-items/{id}/entries"].post;
    expect(Object.keys(record.responses)).toEqual(
      expect.arrayContaining(["201", "400", "401", "403", "404", "409", "415", "422", "503"]),
    );
    const upload = doc.paths["/ledger-items/{id}/evidence"].post;
    expect(upload.requestBody.content).toHaveProperty("multipart/form-data");
    expect(Object.keys(upload.responses)).toEqual(expect.arrayContaining(["400", "422"]));
    expect(upload.responses).not.toHaveProperty("415");
    // A read without a query has no 400/409/415/422.
    expect(Object.keys(doc.paths["/me"].get.responses).sort()).toEqual(
      ["200", "401", "403", "404", "503"].sort(),
    );
  });

  it("the error codes include the new ones", () => {
    const codes = doc.components.schemas.ApiError.properties.error.properties.code.enum;
    expect(codes).toEqual(expect.arrayContaining(["unsupported_media_type", "unavailable"]));
  });
});

describe("rules in the schemas", () => {
  const schemas = doc.components.schemas as Json;
  const samples = [
    "2025-06",
    "2025-12",
    "2025-Q2",
    "2025-13",
    "2025-00",
    "2025-Q5",
    "25-06",
    "2025-6",
    "2025-06x",
    "x2025-06",
  ];

  it.each(["RecordProgressInput", "ClaimCompletionInput", "OpenRoundInput"])(
    "%s.period carries the server's period format",
    (id) => {
      expect(schemas[id].properties.period.pattern).toBe(PERIOD_PATTERN);
    },
  );

  it("the documented period pattern accepts exactly what the server accepts", () => {
    const pattern = new RegExp(PERIOD_PATTERN);
    for (const value of samples) {
      expect(pattern.test(value), value).toBe(
        RecordProgressInput.shape.period.safeParse(value).success,
      );
      const round = OpenRoundInput.safeParse({
        programmeId: "0190a5d2-0000-7000-8000-000000000001",
        period: value,
        windowOpensOn: "2025-07-01",
        windowClosesOn: "2025-07-10",
      });
      expect(pattern.test(value), `round ${value}`).toBe(round.success);
    }
  });

  it("a RETURN without a comment is refused in the document as on the server", () => {
    const rule = schemas.ReviewDecisionInput;
    expect(rule.if).toEqual({
      properties: { decision: { const: "RETURN" } },
      required: ["decision"],
    });
    expect(rule.then.required).toEqual(["comment"]);
    expect(rule.description).toMatch(/comment is required when returning/);
    // The same cases, judged by the rule as written and by the server's schema.
    const documented = (v: { decision: string; comment?: string }) =>
      v.decision !== "RETURN" ||
      (v.comment !== undefined && new RegExp(rule.then.properties.comment.pattern).test(v.comment));
    for (const value of [
      { decision: "RETURN" },
      { decision: "RETURN", comment: "   " },
      { decision: "RETURN", comment: "补充佐证材料" },
      { decision: "APPROVE" },
      { decision: "CONFIRM", comment: "ok" },
    ]) {
      expect(documented(value), JSON.stringify(value)).toBe(
        ReviewDecisionInput.safeParse(value).success,
      );
    }
  });
});
