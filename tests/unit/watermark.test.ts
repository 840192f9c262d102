/**
 * The watermark: its text (name and China time), and the bulletins' optional
 * watermark (a rotated text on every PDF page, the printed header and footer of every sheet).
 */
import ExcelJS from "exceljs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { renderBulletinPdf } from "@/lib/bulletins/render-pdf";
import { renderBulletinXlsx } from "@/lib/bulletins/render-xlsx";
import { watermarkText } from "@/lib/watermark/text";
import { bulletinFixture } from "./fixtures/bulletin";

const mark = watermarkText("王联络 & <测试>", new Date("2026-12-01T01:30:00Z"));

describe("watermark text", () => {
  it("names the viewer and the time in China", () => {
    expect(mark).toBe("王联络 & <测试> 2026-12-01 09:30");
  });
});

describe("bulletins with a watermark", () => {
  it("puts the text on every PDF page, and nothing without one", async () => {
    const text = async (bytes: Buffer) => {
      const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
      const pages: string[] = [];
      for (let i = 1; i <= doc.numPages; i++) {
        const content = await (await doc.getPage(i)).getTextContent();
        pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(""));
      }
      await doc.destroy();
      return pages;
    };
    const marked = await text(
      await renderBulletinPdf(bulletinFixture("zh-CN"), { watermark: mark }),
    );
    for (const page of marked) expect(page).toContain("2026-12-01 09:30");
    const plain = await text(await renderBulletinPdf(bulletinFixture("zh-CN")));
    expect(plain.join("")).not.toContain("2026-12-01 09:30");
  }, 30_000);

  it("puts the text in every sheet's header and footer", async () => {
    const book = new ExcelJS.Workbook();
    const bytes = await renderBulletinXlsx(bulletinFixture("zh-CN"), { watermark: mark });
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    for (const ws of book.worksheets) {
      expect(ws.headerFooter.oddHeader).toBe("&C&8王联络 && <测试> 2026-12-01 09:30");
      expect(ws.headerFooter.oddFooter).toContain("2026-12-01 09:30");
    }
  });
});
