import { expect, test } from "@playwright/test";
import { setLocale, signIn } from "./helpers";

// Each demo role signs in and sees its own scope, in Chinese (the default language).
test.beforeEach(async ({ page, baseURL }) => {
  await setLocale(page, "zh-CN", baseURL);
});

test("reviewer-hunan sees Hunan SASAC's groups and no central enterprise", async ({ page }) => {
  await signIn(page, "reviewer-hunan");
  await page.goto("/");
  await expect(page.getByTestId("current-role")).toHaveText("国资委审核人员");
  const groups = page.getByTestId("group-table");
  await expect(groups).toContainText("湖南兴湘投资控股集团有限公司");
  await expect(groups).toContainText("湖南钢铁集团有限公司");
  await expect(groups).not.toContainText("中国中车");
  await expect(groups).not.toContainText("中国电信");

  await page.goto("/enterprises");
  await expect(page.getByRole("heading", { name: "湖南省国资委" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "国务院国资委" })).toHaveCount(0);
  await expect(page.getByTestId("enterprise-tree")).not.toContainText("中国中车");
});

test("reviewer-central sees the central groups and no provincial one", async ({ page }) => {
  await signIn(page, "reviewer-central");
  await page.goto("/");
  const groups = page.getByTestId("group-table");
  await expect(groups).toContainText("中国中车集团有限公司");
  await expect(groups).toContainText("中国电信集团有限公司");
  await expect(groups).toContainText("国家开发投资集团有限公司");
  await expect(groups).not.toContainText("湖南兴湘");
});

test("liaison-crrc sees CRRC's ledger items and none of China Telecom's", async ({ page }) => {
  await signIn(page, "liaison-crrc");
  await page.goto("/");
  await expect(page.getByTestId("current-role")).toHaveText("企业联络员");
  const items = page.getByTestId("ledger-items");
  await expect(items).toBeVisible();
  await expect(items).toContainText("中车");
  await expect(items).not.toContainText("电信");
  await expect(page.getByTestId("count-total")).not.toHaveText("0");

  // The tree: CRRC and its subsidiaries, opened on demand from the scoped API.
  await page.goto("/enterprises");
  const tree = page.getByTestId("enterprise-tree");
  await expect(tree).toContainText("中国中车集团有限公司");
  await expect(tree).not.toContainText("中国电信");
  await page.getByRole("button", { name: "展开 中国中车集团有限公司 的下属企业" }).click();
  await expect(tree).toContainText("中车株洲电力机车有限公司");
});

test("liaison-telecom sees China Telecom's ledger items and none of CRRC's", async ({ page }) => {
  await signIn(page, "liaison-telecom");
  await page.goto("/");
  const items = page.getByTestId("ledger-items");
  await expect(items).toContainText("电信");
  await expect(items).not.toContainText("中车");
});

test("manager sees the main-task completion rate of the whole scope against its target", async ({
  page,
}) => {
  await signIn(page, "manager");
  await page.goto("/");
  await expect(page.getByTestId("current-role")).toHaveText("管理人员");
  const card = page.getByTestId("completion-card");
  await expect(card).toBeVisible();
  await expect(card.getByTestId("completion-rate")).toHaveText(/^\d{1,3}(\.\d{1,2})?%$/);
  await expect(card.getByTestId("completion-target")).toContainText("目标：");
  await expect(page.getByTestId("completion-trend")).toBeVisible();
  const bySupervisor = page.getByTestId("by-supervisor");
  await expect(bySupervisor).toContainText("国务院国资委");
  await expect(bySupervisor).toContainText("湖南省国资委");
  // No API docs for managers.
  await expect(page.getByRole("link", { name: "接口文档" })).toHaveCount(0);
});

test("admin sees the headline and the API documentation", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/");
  await expect(page.getByTestId("completion-rate")).toHaveText(/%$/);
  await page.getByRole("link", { name: "接口文档" }).click();
  await expect(page).toHaveURL(/\/api-docs$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("开放接口（API）");
  await expect(page.getByText("/api/v1/enterprises/{id}", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "下载 OpenAPI 文档（JSON）" })).toHaveAttribute(
    "href",
    "/api/v1/openapi.json",
  );
});

test("signing out returns to the sign-in page", async ({ page }) => {
  await signIn(page, "manager");
  await page.goto("/");
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
});
