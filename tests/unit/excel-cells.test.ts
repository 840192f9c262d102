import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { classifyCell, convertCell } from "@/lib/excel/cell-value";
import type { ColumnDef } from "@/lib/excel/columns";
import { readWorkbook } from "@/lib/excel/read-workbook";
import { finalTree } from "@/lib/imports/registry-tree";

const col = (type: ColumnDef["type"], extra: Partial<ColumnDef> = {}): ColumnDef => ({
  key: "x.y",
  type,
  width: 10,
  ...extra,
});
const convert = (c: ColumnDef, raw: unknown, options?: Map<string, string>) =>
  convertCell(c, classifyCell(raw), options);

describe("cells", () => {
  it.each([
    [col("int"), 12, 12],
    [col("int"), " 12 ", 12],
    [col("decimal", { scale: 2 }), "1,234.5", 1234.5],
    [col("date"), new Date(Date.UTC(2025, 4, 31)), "2025-05-31"],
    [col("date"), "2025/5/31", "2025-05-31"],
    [col("date"), "2025年5月31日", "2025-05-31"],
    [col("bool"), "是", true],
    [col("bool"), "No", false],
    [col("text"), 13800138000, "13800138000"],
    [col("text"), { richText: [{ text: "中" }, { text: "车" }] }, "中车"],
    [col("text"), "   ", null],
  ])("%o reads %o as %o", (c, raw, value) => {
    expect(convert(c, raw)).toEqual({ ok: true, value });
  });

  it.each([
    [col("int"), "abc", "notANumber"],
    [col("int"), 1.5, "notAnInteger"],
    [col("decimal", { scale: 2 }), 1.005, "tooManyDecimals"],
    [col("decimal", { min: 0.01 }), 0, "tooSmall"],
    [col("date"), "2025-02-30", "notADate"],
    [col("date"), 45000, "notADate"],
    [col("bool"), "maybe", "notABoolean"],
    [col("enum"), "KG", "notAnOption"],
    [col("text", { maxLength: 3 }), "四个字符", "tooLong"],
    [col("text"), "改革\u0000方案", "unstorableText"],
    [col("text"), "改革\uD800方案", "unstorableText"],
    [col("int"), { formula: "A1+1", result: 2 }, "formula"],
    [col("int"), { sharedFormula: "A3", result: 2 }, "formula"],
    [col("int"), { error: "#N/A" }, "cellError"],
  ])("%o refuses %o (%s)", (c, raw, code) => {
    const result = convert(c, raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.code).toBe(code);
  });

  it("reads an enum by code or by a label of either language", () => {
    const options = new Map([
      ["yuan_100m", "YUAN_100M"],
      ["亿元", "YUAN_100M"],
    ]);
    expect(convert(col("enum"), "亿元", options)).toEqual({ ok: true, value: "YUAN_100M" });
    expect(convert(col("enum"), "Yuan_100M", options)).toEqual({ ok: true, value: "YUAN_100M" });
  });
});

describe("reading a workbook", () => {
  it("keeps Chinese text whole across stream chunks, finds merged ranges and ignores huge validations", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("任务");
    const text = "深化提升行动".repeat(40);
    for (let r = 1; r <= 3_000; r++) ws.addRow([`${text}${r}`, r]);
    ws.mergeCells("C5:D6");
    (ws as unknown as { dataValidations: { add(a: string, v: object): void } }).dataValidations.add(
      "A1:XFD1048576",
      { type: "list", allowBlank: true, formulae: ['"a,b"'] },
    );
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const started = Date.now();
    const [sheet] = await readWorkbook(bytes, { maxRows: 10_000 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(sheet!.name).toBe("任务");
    expect(sheet!.merges).toEqual(["C5:D6"]);
    expect(sheet!.rows).toHaveLength(3_000);
    for (const row of sheet!.rows) expect(row.cells[1]).toBe(`${text}${row.number}`);
  });

  it("refuses more rows than the limit", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("x");
    for (let r = 1; r <= 50; r++) ws.addRow([r]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    await expect(readWorkbook(bytes, { maxRows: 20 })).rejects.toMatchObject({
      reason: "tooManyRows",
    });
  });
});

describe("the final tree of a registry import", () => {
  it("gives depths and groups over database and file parents, and finds loops", () => {
    const db = new Map<string, string | null>([
      ["A", null],
      ["B", "A"],
      ["C", "B"],
    ]);
    const moved = finalTree(
      db,
      new Map([
        ["C", null],
        ["N", "C"],
      ]),
    );
    expect(moved.depth.get("N")).toBe(1);
    expect(moved.root.get("N")).toBe("C");
    expect(moved.depth.get("B")).toBe(1);
    expect(moved.cycles.size).toBe(0);
    const loop = finalTree(db, new Map([["A", "C"]]));
    expect([...loop.cycles].sort()).toEqual(["A", "B", "C"]);
  });
});
