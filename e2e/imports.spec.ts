import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { seriousViolations, userPage } from "./helpers";

/**
 * The Excel round trip in the browser: the administrator downloads the SDU-2023 catalogue,
 * checks it unchanged (zero changes), then checks an edited copy with one bad cell and sees it
 * by sheet, row and column, with "apply" unavailable.
 */
test.describe("Excel import", () => {
  let page: Page;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "imports-e2e-"));

  test.beforeAll(async ({ browser, baseURL }) => {
    page = await userPage(browser, baseURL, "admin");
  });
  test.afterAll(async () => {
    await page.context().close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("round trip of the catalogue, then a bad cell in the dry run", async () => {
    await page.goto("/admin/imports");
    await expect(page.getByTestId("imports-panel")).toHaveAttribute("data-hydrated", "true");
    const programme = page.getByTestId("import-programme");
    const sdu = await programme.locator("option", { hasText: "SDU-2023" }).getAttribute("value");
    await programme.selectOption(sdu!);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("download-export").click(),
    ]);
    const exported = path.join(dir, "catalogue.xlsx");
    await download.saveAs(exported);
    expect(download.suggestedFilename()).toMatch(/SDU-2023.*\.xlsx$/);

    await page.getByTestId("import-file").setInputFiles(exported);
    await page.getByTestId("import-check").click();
    const report = page.getByTestId("import-report");
    await expect(report).toBeVisible({ timeout: 20_000 });
    await expect(report).toHaveAttribute("data-applied", "false");
    for (const cell of await report.getByTestId("count-created").all())
      await expect(cell).toHaveText("0");
    for (const cell of await report.getByTestId("count-updated").all())
      await expect(cell).toHaveText("0");
    await expect(page.getByTestId("import-problems")).toHaveCount(0);
    await expect(page.getByTestId("import-apply")).toBeEnabled();

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(exported);
    const tasks = book.getWorksheet("任务")!;
    const keys = tasks.getRow(2).values as unknown[];
    const weight = keys.indexOf("task.weight");
    tasks.getRow(5).getCell(weight).value = "很重";
    const edited = path.join(dir, "catalogue-edited.xlsx");
    await book.xlsx.writeFile(edited);

    await page.getByTestId("import-file").setInputFiles(edited);
    await page.getByTestId("import-check").click();
    const problem = page.getByTestId("import-problem");
    await expect(problem).toHaveCount(1, { timeout: 20_000 });
    await expect(problem).toContainText("任务");
    await expect(problem).toContainText("5");
    await expect(problem).toContainText(`权重 (${String.fromCharCode(64 + weight)}5)`);
    await expect(problem).toContainText("“很重”不是数字");
    await expect(page.getByTestId("import-apply")).toBeDisabled();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
