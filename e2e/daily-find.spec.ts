import { expect, test } from "@playwright/test";
import { signIn, unique, userPage } from "./helpers";
import { openLedger } from "./fixtures/ledger";

/*
 * Finding what needs doing (issue "daily work", point 1): the colour filter and the urgency
 * order of the ledger, the home page's count cards opening the list behind them, and saved views.
 */
test.describe.configure({ timeout: 90_000 });

const RANK: Record<string, number> = { red: 0, yellow: 1, blue: 2, green: 3, done: 4, na: 4 };

test("the list is in urgency order by default and filters by colour", async ({ page }) => {
  await signIn(page, "liaison-crrc");
  await openLedger(page);
  await expect(page.getByLabel("排序")).toHaveValue("urgency");
  const colours = await page
    .getByTestId("colour")
    .evaluateAll((badges) => badges.map((b) => b.getAttribute("data-colour") ?? ""));
  expect(colours.length).toBeGreaterThan(0);
  const ranks = colours.map((c) => RANK[c]!);
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  expect(colours[0], "open items come before completed ones").not.toBe("done");

  // Colour filter: every row has that colour, and the count is the API's.
  const present = colours.find((c) => c === "yellow" || c === "red") ?? colours[0]!;
  const labels: Record<string, string> = {
    red: "红色",
    yellow: "黄色",
    blue: "蓝色",
    green: "绿色",
    done: "已完成",
    na: "不适用",
  };
  await page.getByLabel("颜色", { exact: true }).selectOption({ label: labels[present]! });
  await expect(page).toHaveURL(new RegExp(`colour=${present}`));
  const api = await page.request.get(`/api/v1/ledger-items?colour=${present}&limit=1`);
  const { total } = (await api.json()) as { total: number };
  await expect(page.getByTestId("ledger-count")).toHaveText(
    new RegExp(`共 ${total.toLocaleString("zh-CN")} 项`),
  );
  for (const c of await page
    .getByTestId("colour")
    .evaluateAll((badges) => badges.map((b) => b.getAttribute("data-colour")))) {
    expect(c).toBe(present);
  }

  // Needs my action: a liaison's list holds no completed item.
  await page.getByLabel("颜色", { exact: true }).selectOption({ label: "全部颜色" });
  await page.getByTestId("filter-needs-action").check();
  await expect(page).toHaveURL(/needsAction=true/);
  await expect(page.getByTestId("ledger-count")).not.toHaveText(/正在更新/);
  for (const s of await page
    .getByTestId("row-status")
    .evaluateAll((cells) => cells.map((c) => c.getAttribute("data-status")))) {
    expect(["NOT_STARTED", "IN_PROGRESS"]).toContain(s);
  }
});

test("a home count card opens the matching list with the same count", async ({ page }) => {
  await signIn(page, "liaison-crrc");
  await page.goto("/");
  for (const key of ["overdue", "IN_PROGRESS"] as const) {
    await page.goto("/");
    const count = (await page.getByTestId(`count-${key}`).innerText()).trim();
    await page.getByTestId(`count-link-${key}`).click();
    await expect(page).toHaveURL(
      key === "overdue" ? /\/ledger\?overdue=true/ : /status=IN_PROGRESS/,
    );
    await expect(page.getByTestId("ledger-view")).toHaveAttribute("data-hydrated", "true");
    await expect(page.getByRole("heading", { level: 2, name: `共 ${count} 项` })).toBeVisible();
  }
});

test("save, apply and delete a named view; only its owner sees it", async ({
  page,
  browser,
  baseURL,
}) => {
  await signIn(page, "liaison-crrc");
  await openLedger(page, "?overdue=true&sort=colour");
  const name = unique("逾期按颜色");
  const panel = page.getByTestId("saved-views");
  await panel.getByLabel("视图名称").fill(name);
  await panel.getByRole("button", { name: "保存当前视图" }).click();
  await expect(panel.getByTestId("saved-views-status")).toHaveText(`已保存视图「${name}」。`);

  // The same name again is refused on the field.
  await panel.getByLabel("视图名称").fill(name);
  await panel.getByRole("button", { name: "保存当前视图" }).click();
  await expect(panel.getByText("已有同名视图，请换一个名称。")).toBeVisible();

  await openLedger(page);
  await expect(page).not.toHaveURL(/overdue=true/);
  await page.getByRole("button", { name: `打开视图「${name}」` }).click();
  await expect(page).toHaveURL(/overdue=true/);
  await expect(page).toHaveURL(/sort=colour/);
  await expect(page.getByLabel("仅已逾期")).toBeChecked();
  await expect(page.getByLabel("排序")).toHaveValue("colour");

  // Another user never sees it.
  const otherPage = await userPage(browser, baseURL, "liaison-telecom");
  const theirs = await otherPage.request.get("/api/v1/saved-views");
  expect(
    ((await theirs.json()) as { items: { name: string }[] }).items.map((v) => v.name),
  ).not.toContain(name);
  await otherPage.context().close();

  await page.getByRole("button", { name: `删除视图「${name}」` }).click();
  await expect(panel.getByTestId("saved-views-status")).toHaveText("已删除视图。");
  await expect(page.getByRole("button", { name: `打开视图「${name}」` })).toHaveCount(0);
});
