import ExcelJS from "exceljs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

/*
 * The manager takes the page's headline to a meeting: both bulletin formats download for the
 * page's query, parse, and carry the headline figure shown on the page.
 */
test.describe.configure({ timeout: 90_000 });

async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes) }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    parts.push(content.items.map((item) => ("str" in item ? item.str : "")).join(""));
  }
  await doc.destroy();
  return parts.join("\n");
}

test("the manager downloads the PDF and the Excel bulletin with the page's headline", async ({
  page,
}) => {
  await signIn(page, "manager");
  await page.goto("/");
  const rateText = (await page.getByTestId("completion-rate").first().innerText()).trim();
  expect(rateText).toMatch(/^\d+(\.\d+)?%$/);

  const pdf = await page.request.get("/api/v1/bulletins?format=pdf&lang=zh-CN");
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(pdf.headers()["content-disposition"]).toContain("filename*=UTF-8''");
  const text = await pdfText(await pdf.body());
  expect(text).toContain("改革行动通报");
  expect(text).toContain(rateText);

  const xlsx = await page.request.get("/api/v1/bulletins?format=xlsx&lang=zh-CN");
  expect(xlsx.status()).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
  const overview = book.getWorksheet("概览")!;
  const row = overview.getColumn(1).values.indexOf("completionRate");
  const rate = overview.getRow(row).getCell(3).value as number;
  expect(`${(rate * 100).toFixed(2)}%`).toBe(rateText);
});
