/**
 * Every kind of bad workbook gets a clear answer in the user's language and changes nothing:
 * a wrong keys row, unknown and duplicated codes, text in a number, a date that is not one, a
 * parent loop, formulas and merged cells (problems by sheet, row and column); a renamed .txt or
 * .exe, a password-protected workbook, an empty file and a 50 MB file (refused before parsing).
 */
import type ExcelJS from "exceljs";
import ExcelJSModule from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportReport } from "@/lib/imports/schemas";
import { seededTestDatabase, type TestDatabase } from "./setup/db";
import {
  bookOf,
  bytesOf,
  col,
  exportFile,
  fingerprint,
  postImport,
  reportOf,
  rowWhere,
  tokensFor,
} from "./imports-helpers";

let db: TestDatabase;
let token: string;
let programmeId: string;
let catalogueBytes: Uint8Array;
let registryBytes: Uint8Array;

beforeAll(async () => {
  db = await seededTestDatabase();
  token = (await tokensFor(db.prisma, ["admin"])).admin!;
  programmeId = (await db.prisma.programme.findUniqueOrThrow({ where: { code: "SDU-2023" } })).id;
  catalogueBytes = new Uint8Array(
    await (await exportFile(token, "catalogue", `programmeId=${programmeId}`)).arrayBuffer(),
  );
  registryBytes = new Uint8Array(await (await exportFile(token, "registry", "")).arrayBuffer());
});
afterAll(() => db?.drop());

/** Imports (applying, not a dry run) an edited copy of the catalogue; nothing may change. */
async function editedCatalogue(edit: (tasks: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void) {
  const book = await bookOf(catalogueBytes);
  edit(book.getWorksheet("任务")!, book);
  return refused(
    await postImport(token, await bytesOf(book), { kind: "catalogue", programmeId, dryRun: false }),
  );
}

let before = "";
async function refused(response: Response): Promise<ImportReport> {
  const report = await reportOf(response);
  expect(report.applied).toBe(false);
  expect(report.problemCount).toBeGreaterThan(0);
  expect(await fingerprint(db.prisma)).toBe(before);
  return report;
}

async function fileError(file: Uint8Array | Blob, fileName = "import.xlsx") {
  const response = await postImport(
    token,
    file,
    { kind: "catalogue", programmeId, dryRun: false },
    { fileName },
  );
  expect(response.status).toBe(422);
  expect(await fingerprint(db.prisma)).toBe(before);
  const body = (await response.json()) as { error: { fields: { file: string } } };
  return body.error.fields.file;
}

describe("bad cells and sheets", () => {
  beforeAll(async () => {
    before = await fingerprint(db.prisma);
  });

  it("a missing keys row", async () => {
    const report = await editedCatalogue((tasks) => tasks.spliceRows(2, 1));
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        sheet: "任务",
        row: 2,
        message: expect.stringContaining("第 2 行"),
      }),
    );
  });

  it("a wrong key in the keys row", async () => {
    const report = await editedCatalogue((tasks) => {
      tasks.getRow(2).getCell(col(tasks, "task.weight")).value = "task.wieght";
    });
    expect(report.problems.map((p) => p.message)).toContain("未知的列键“task.wieght”。");
  });

  it("an unknown category code", async () => {
    const report = await editedCatalogue((tasks) => {
      tasks.getRow(4).getCell(col(tasks, "task.categoryCode")).value = "NO-SUCH-CAT";
    });
    expect(report.problems).toEqual([
      expect.objectContaining({ row: 4, key: "task.categoryCode", column: "类别代码" }),
    ]);
  });

  it("text in a number cell and a date that is not a date", async () => {
    const report = await editedCatalogue((tasks) => {
      tasks.getRow(5).getCell(col(tasks, "task.sortOrder")).value = "第三";
      tasks.getRow(6).getCell(col(tasks, "task.defaultDueDate")).value = "下个月底";
    });
    expect(report.problems).toEqual([
      expect.objectContaining({ row: 5, key: "task.sortOrder", message: "“第三”不是数字。" }),
      expect.objectContaining({
        row: 6,
        key: "task.defaultDueDate",
        column: "默认完成时限",
        message: expect.stringContaining("“下个月底”不是日期"),
      }),
    ]);
  });

  it("a code given twice", async () => {
    const report = await editedCatalogue((tasks) => {
      const code = tasks.getRow(3).getCell(col(tasks, "task.code")).value;
      tasks.getRow(7).getCell(col(tasks, "task.code")).value = code;
    });
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        row: 7,
        key: "task.code",
        message: "文件中重复出现（首次在第 3 行）。",
      }),
    );
  });

  it("formulas, with the cell", async () => {
    const report = await editedCatalogue((tasks) => {
      tasks.getRow(3).getCell(col(tasks, "task.weight")).value = { formula: "1+1", result: 2 };
    });
    expect(report.problems).toEqual([
      expect.objectContaining({
        row: 3,
        key: "task.weight",
        message: expect.stringContaining("公式"),
      }),
    ]);
  });

  it("merged cells, with the range", async () => {
    const report = await editedCatalogue((tasks) => tasks.mergeCells("C4:D4"));
    expect(report.problems).toContainEqual(
      expect.objectContaining({ sheet: "任务", message: "合并单元格 C4:D4：请取消合并。" }),
    );
  });

  it("a parent that makes a loop", async () => {
    const book = await bookOf(registryBytes);
    const ws = book.worksheets[0]!;
    const child = await db.prisma.enterprise.findFirstOrThrow({
      where: { parent: { code: "CRRC" } },
    });
    ws
      .getRow(rowWhere(ws, "enterprise.code", "CRRC"))
      .getCell(col(ws, "enterprise.parentCode")).value = child.code;
    const report = await refused(
      await postImport(token, await bytesOf(book), { kind: "registry", dryRun: false }),
    );
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        key: "enterprise.parentCode",
        row: rowWhere(ws, "enterprise.code", "CRRC"),
      }),
    );
  });

  it("an empty workbook", async () => {
    const book = new ExcelJSModule.Workbook();
    book.addWorksheet("Sheet1");
    const report = await refused(
      await postImport(token, await bytesOf(book), {
        kind: "catalogue",
        programmeId,
        dryRun: false,
      }),
    );
    expect(report.problems[0]!.message).toContain("没有数据");
  });
});

describe("files that are not workbooks", () => {
  beforeAll(async () => {
    before = await fingerprint(db.prisma);
  });

  it("a renamed .txt and a renamed .exe", async () => {
    expect(await fileError(new TextEncoder().encode("编号,名称\nSDU-01,测试\n"))).toContain(
      "不是 Excel 工作簿",
    );
    const exe = new Uint8Array(512);
    exe.set([0x4d, 0x5a, 0x90, 0x00]);
    exe.set([0x50, 0x45, 0x00, 0x00], 0x80);
    exe[0x3c] = 0x80;
    expect(await fileError(exe)).toContain("不是 Excel 工作簿");
  });

  it("a password-protected workbook (an OLE compound file)", async () => {
    const cfb = new Uint8Array(4096);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    cfb.set([0x3e, 0x00, 0x03, 0x00, 0xfe, 0xff, 0x09, 0x00], 0x18); // version 3, little-endian, 512-byte sectors
    expect(await fileError(cfb)).toContain("密码");
  });

  it("an empty file and a 50 MB file", async () => {
    expect(await fileError(new Uint8Array())).toBe("文件为空。");
    const big = new Blob([new Uint8Array(50 * 1024 * 1024)]);
    expect(await fileError(big)).toBe("文件超过 20 MB。");
  });

  it("a zip that is no workbook", async () => {
    const zip = await bytesOf(new ExcelJSModule.Workbook());
    // An .xlsx cut short: the zip's central directory is gone.
    expect(await fileError(zip.subarray(0, 200))).toBeTruthy();
  });
});
