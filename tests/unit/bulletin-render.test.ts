/**
 * The bulletin renderers on a fixture: the PDF parses back to text with the headline figure and
 * Chinese strings, embeds a subset of Noto Sans SC; the Excel file has every sheet, the stable
 * key row and numbers as numbers.
 */
import ExcelJS from "exceljs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { renderBulletinPdf } from "@/lib/bulletins/render-pdf";
import { renderBulletinXlsx } from "@/lib/bulletins/render-xlsx";
import { bulletinFixture } from "./fixtures/bulletin";

async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(""));
  }
  await doc.destroy();
  return pages.join("\n");
}

describe("PDF bulletin", () => {
  it("renders Chinese text and the headline figure, with the CJK font embedded as a subset", async () => {
    const bytes = await renderBulletinPdf(bulletinFixture("zh-CN"));
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await pdfText(bytes);
    expect(text).toContain("改革行动通报（截至2024年5月31日）");
    expect(text).toContain("72.08%");
    expect(text).toContain("中车青岛四方机车车辆股份有限公司");
    expect(text).toContain("跨企业联合研发团队");
    expect(text).toContain("第 1 页，共 1 页");
    // A subset font is named with a six-letter tag: "ABCDEF+NotoSansSC-Regular".
    expect(bytes.toString("latin1")).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
    // Subset: far smaller than the 10 MB font file.
    expect(bytes.byteLength).toBeLessThan(1_000_000);
  }, 30_000);

  it("renders in English", async () => {
    const text = await pdfText(await renderBulletinPdf(bulletinFixture("en")));
    expect(text).toContain("Reform action bulletin (as of May 31, 2024)");
    expect(text).toContain("72.08%");
    expect(text).toContain("CRRC Qingdao Sifang");
  }, 30_000);
});

describe("Excel bulletin", () => {
  it("has the five sheets, stable keys in row 2 and numbers as numbers", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await renderBulletinXlsx(bulletinFixture("zh-CN"))) as unknown as ArrayBuffer,
    );
    expect(book.worksheets.map((w) => w.name)).toEqual([
      "概览",
      "下级排名",
      "分类",
      "滞后事项",
      "典型案例",
    ]);
    const overview = book.getWorksheet("概览")!;
    const rate = overview.getColumn(1).values.indexOf("completionRate");
    expect(overview.getRow(rate).getCell(3).value).toBeCloseTo(0.7208, 6);
    expect(overview.getRow(rate).getCell(3).numFmt).toBe("0.00%");

    const children = book.getWorksheet("下级排名")!;
    expect(children.getRow(2).values).toEqual([
      undefined,
      "rank",
      "code",
      "name",
      "total",
      "completed",
      "rate",
      "red",
      "yellow",
    ]);
    expect(children.getRow(3).getCell(3).value).toBe("中车青岛四方机车车辆股份有限公司");
    expect(children.getRow(3).getCell(4).value).toBe(140);
    expect(children.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
  });

  it("names the sheets in English", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await renderBulletinXlsx(bulletinFixture("en"))) as unknown as ArrayBuffer,
    );
    expect(book.worksheets.map((w) => w.name)).toEqual([
      "Overview",
      "Children",
      "Categories",
      "Lagging",
      "Cases",
    ]);
  });
});
