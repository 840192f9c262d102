import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { seriousViolations, userPage } from "./helpers";

/**
 * The Excel round trip in the browser: the administrator downloads the SDU-2023 catalogue,
 * checks it unchanged (zero changes), then checks an edited copy (one renamed task, one bad cell)
 * and sees the bad cell by sheet, row and column with "apply" unavailable; fixed, the rename is
 * applied. The registry likewise: a new enterprise beside a bad cell changes nothing until fixed.
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
    const weightBefore = tasks.getRow(5).getCell(weight).value;
    tasks.getRow(5).getCell(weight).value = "很重";
    // The last task is renamed (a suffix, so searches for its title still find it).
    const renamedRow = tasks.getRow(tasks.actualRowCount);
    const taskCode = String(renamedRow.getCell(keys.indexOf("task.code")).value);
    const titleCell = renamedRow.getCell(keys.indexOf("task.titleZh"));
    const renamed = `${String(titleCell.value).replace(/（修订）$/, "")}（修订）`;
    titleCell.value = renamed;
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
    expect(await taskTitle(page, sdu!, taskCode)).not.toBe(renamed);

    // Fixed: the dry run finds one updated task and no problem; applied, the rename is there.
    tasks.getRow(5).getCell(weight).value = weightBefore;
    // A new file: the browser refuses to send a selected file that changed on disk.
    const fixed = path.join(dir, "catalogue-fixed.xlsx");
    await book.xlsx.writeFile(fixed);
    await checkThenApply(page, fixed);
    expect(await taskTitle(page, sdu!, taskCode)).toBe(renamed);
  });

  test("a new enterprise beside a bad cell: nothing until the cell is fixed", async () => {
    await page.goto("/admin/imports");
    await expect(page.getByTestId("imports-panel")).toHaveAttribute("data-hydrated", "true");
    await page.getByTestId("import-kind").selectOption("registry");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("download-export").click(),
    ]);
    const exported = path.join(dir, "registry.xlsx");
    await download.saveAs(exported);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(exported);
    const sheet = book.getWorksheet("企业")!;
    const keys = sheet.getRow(2).values as unknown[];
    const column = (key: string) => keys.indexOf(key);
    const code = `JL-E2E-${Date.now().toString(36).toUpperCase()}`;
    const row = sheet.getRow(sheet.actualRowCount + 1);
    row.getCell(column("enterprise.code")).value = code;
    row.getCell(column("enterprise.parentCode")).value = "JL-CAPITAL";
    row.getCell(column("enterprise.nameZh")).value = "吉林省国有资本运营测试子公司";
    row.getCell(column("enterprise.nameEn")).value = "Jilin capital operation test subsidiary";
    row.getCell(column("enterprise.sortOrder")).value = "第一";
    row.commit();
    const edited = path.join(dir, "registry-edited.xlsx");
    await book.xlsx.writeFile(edited);

    await page.getByTestId("import-file").setInputFiles(edited);
    await page.getByTestId("import-check").click();
    const problem = page.getByTestId("import-problem");
    await expect(problem).toHaveCount(1, { timeout: 20_000 });
    await expect(problem).toContainText(String(row.number));
    await expect(page.getByTestId("import-apply")).toBeDisabled();
    const search = `/api/v1/enterprises?q=${encodeURIComponent(code)}`;
    const none = (await (await page.request.get(search)).json()) as { items: unknown[] };
    expect(none.items).toHaveLength(0);

    row.getCell(column("enterprise.sortOrder")).value = 1;
    row.commit();
    const fixed = path.join(dir, "registry-fixed.xlsx");
    await book.xlsx.writeFile(fixed);
    await checkThenApply(page, fixed);
    const found = (await (await page.request.get(search)).json()) as {
      items: { code: string }[];
    };
    expect(found.items.map((e) => e.code)).toEqual([code]);
  });
});

/** Checks a workbook (no problems, something to change), then applies it. */
async function checkThenApply(page: Page, file: string) {
  await page.getByTestId("import-file").setInputFiles(file);
  await page.getByTestId("import-check").click();
  const report = page.getByTestId("import-report");
  await expect(report).toHaveAttribute("data-applied", "false", { timeout: 20_000 });
  await expect(page.getByTestId("import-problem")).toHaveCount(0);
  await expect(page.getByTestId("import-apply")).toBeEnabled();
  await page.getByTestId("import-apply").click();
  await expect(report).toHaveAttribute("data-applied", "true", { timeout: 30_000 });
}

async function taskTitle(page: Page, programmeId: string, code: string) {
  const response = await page.request.get(`/api/v1/tasks?programmeId=${programmeId}`);
  const { items } = (await response.json()) as { items: { code: string; titleZh: string }[] };
  return items.find((t) => t.code === code)?.titleZh;
}
