/**
 * The Excel round-trip on real PostgreSQL with real .xlsx files: export then import changes
 * nothing; an edited workbook is checked cell by cell, refused whole with one bad cell and
 * applied once fixed; every kind of bad file gets its own clear answer and changes nothing; an
 * owner of one supervisor cannot touch another's rows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededTestDatabase, type TestDatabase } from "./setup/db";
import {
  bookOf,
  bytesOf,
  changes,
  col,
  exportFile,
  fingerprint,
  postImport,
  reportOf,
  rowWhere,
  tokensFor,
} from "./imports-helpers";

let db: TestDatabase;
let tokens: Record<string, string>;
let programmeId: string;

beforeAll(async () => {
  db = await seededTestDatabase();
  tokens = await tokensFor(db.prisma, ["admin", "admin-hunan"]);
  programmeId = (await db.prisma.programme.findUniqueOrThrow({ where: { code: "SDU-2023" } })).id;
});
afterAll(() => db?.drop());

describe("round trip", () => {
  it("exports the catalogue and imports it unchanged, in either language", async () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const res = await exportFile(
        tokens.admin!,
        "catalogue",
        `programmeId=${programmeId}`,
        locale,
      );
      expect(res.status).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      const before = await fingerprint(db.prisma);
      const dry = await reportOf(
        await postImport(
          tokens.admin!,
          bytes,
          { kind: "catalogue", programmeId, dryRun: true },
          { locale },
        ),
      );
      expect(dry.problems).toEqual([]);
      expect(dry.sheets.map((s) => s.id)).toEqual(["categories", "tasks", "indicators"]);
      expect(changes(dry)).toBe(0);
      expect(dry.rows).toBeGreaterThan(20);
      expect(await fingerprint(db.prisma)).toBe(before);
    }
  });
});
