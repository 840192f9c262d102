import { expect, test, type Browser, type Page } from "@playwright/test";
import { seriousViolations, signIn, typeDay, userPage } from "./helpers";

/*
 * Programmes and the task catalogue: the national administrator creates a programme with a 70%
 * target (a bad rate is refused in Chinese first), adds a category and a task with an indicator
 * through the pages; Hunan's administrator can read SDU-2023 but not change it; the new pages
 * pass axe.
 */

async function hydrated(page: Page, testId: string) {
  await expect(page.getByTestId(testId)).toHaveAttribute("data-hydrated", "true");
}

async function expectAccessible(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

const code = () => `E2E-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

test("an administrator creates a programme with a 70% target, a category and a task with an indicator", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const page = await userPage(browser, baseURL, "admin");
  const programmeCode = code();

  await page.goto("/programmes");
  await expect(page.getByTestId("programmes-table")).toBeVisible();
  await expectAccessible(page);
  await page.getByTestId("new-programme").click();
  await hydrated(page, "programme-form");
  await expectAccessible(page);

  const form = page.getByTestId("programme-form");
  await form.getByTestId("programme-code").fill(programmeCode);
  await form.getByTestId("programme-nameZh").fill(`端到端测试行动 ${programmeCode}`);
  await form.getByTestId("programme-nameEn").fill(`End-to-end action ${programmeCode}`);
  await typeDay(form.getByTestId("programme-startDate"), "2027-01-01");
  await typeDay(form.getByTestId("programme-endDate"), "2029-12-31");
  await form.getByTestId("add-target").click();
  await typeDay(form.getByTestId("target-due"), "2028-12-31");
  // A rate above 100 is refused on the field, in Chinese.
  await form.getByTestId("target-rate").fill("170");
  await form.getByTestId("programme-submit").click();
  await expect(form.getByTestId("field-error")).toHaveText(["不能大于 100。"]);
  await form.getByTestId("target-rate").fill("70");
  await form.getByTestId("programme-submit").click();

  await expect(page).toHaveURL(/\/programmes\/[0-9a-f-]{36}\/catalogue$/);
  const programmeId = page.url().split("/").at(-2)!;
  await expect(page.getByTestId("catalogue-page")).toBeVisible();

  // A category, in its dialog.
  await page.getByTestId("new-category").click();
  const dialog = page.getByTestId("category-dialog");
  await dialog.getByTestId("category-code").fill("C01");
  await dialog.getByTestId("category-nameZh").fill("科技创新");
  await dialog.getByTestId("category-nameEn").fill("Innovation");
  await dialog.getByTestId("category-submit").click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('[data-testid="category-row"][data-code="C01"]')).toBeVisible();
  await expectAccessible(page);

  // A task with an indicator, on its own page.
  await page.getByTestId("new-task").click();
  await hydrated(page, "task-form");
  const task = page.getByTestId("task-form");
  await task.getByTestId("task-code").fill(`${programmeCode}-01`);
  await task.getByTestId("task-titleZh").fill("建设国家级创新平台");
  await task.getByTestId("task-titleEn").fill("Build national innovation platforms");
  await task.getByTestId("add-indicator").click();
  await task.getByTestId("indicator-code").fill("PLATFORMS");
  await task.getByTestId("indicator-nameZh").fill("创新平台数量");
  await task.getByTestId("indicator-nameEn").fill("Innovation platforms");
  await task.getByTestId("indicator-baseline").fill("2");
  await task.getByTestId("indicator-target").fill("5");
  await expectAccessible(page);
  await task.getByTestId("task-submit").click();

  await expect(page).toHaveURL(new RegExp(`/programmes/${programmeId}/catalogue$`));
  const row = page.getByTestId("task-row").filter({ hasText: `${programmeCode}-01` });
  await expect(row).toContainText("建设国家级创新平台");
  await row.getByTestId("task-link").click();
  await hydrated(page, "task-form");
  await expect(page.getByTestId("indicator-code")).toHaveValue("PLATFORMS");
  await expect(page.getByTestId("indicator-target")).toHaveValue("5");
  await expectAccessible(page);

  // The target was kept, and the settings page offers the programme's sub-navigation.
  await page.goto(`/programmes/${programmeId}`);
  await hydrated(page, "programme-form");
  await expect(page.getByTestId("target-rate")).toHaveValue("70");
  const nav = page.getByTestId("programme-nav");
  await expect(nav.getByRole("link", { name: "分解下达" })).toHaveAttribute(
    "href",
    `/programmes/${programmeId}/assign`,
  );
  await expect(nav.getByRole("link", { name: "覆盖矩阵" })).toHaveAttribute(
    "href",
    `/programmes/${programmeId}/matrix`,
  );
  await expect(page.getByTestId("audit-link")).toBeVisible();
  await expectAccessible(page);
  await page.context().close();
});

async function hunanAdmin(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
  const page = await context.newPage();
  await signIn(page, "admin-hunan");
  return page;
}

test("Hunan's administrator reads SDU-2023 but cannot change it", async ({ browser, baseURL }) => {
  const page = await hunanAdmin(browser, baseURL);
  const list = (await (await page.request.get("/api/v1/programmes")).json()) as {
    items: { id: string; code: string; canManage: boolean }[];
  };
  const sdu = list.items.find((p) => p.code === "SDU-2023");
  expect(sdu, "SDU-2023 is listed").toBeTruthy();
  expect(sdu!.canManage).toBe(false);

  await page.goto(`/programmes/${sdu!.id}`);
  await hydrated(page, "programme-form");
  await expect(page.getByText("只有其所属监管机构的管理员可以修改")).toBeVisible();
  await expect(page.getByTestId("programme-submit")).toHaveCount(0);
  await expect(page.getByTestId("programme-code")).toBeDisabled();

  const detail = (await (await page.request.get(`/api/v1/programmes/${sdu!.id}`)).json()) as {
    version: number;
  };
  const patch = await page.request.patch(`/api/v1/programmes/${sdu!.id}`, {
    data: { version: detail.version, nameEn: "Changed by Hunan" },
    // Same origin, as the browser sends it: the refusal is the owner rule, not the origin check.
    headers: { origin: new URL(page.url()).origin },
  });
  expect(patch.status()).toBe(403);

  await page.goto(`/programmes/${sdu!.id}/catalogue`);
  await expect(page.getByTestId("tasks-table")).toBeVisible();
  await expect(page.getByTestId("new-task")).toHaveCount(0);
  await expect(page.getByTestId("new-category")).toHaveCount(0);
  await page.context().close();
});
