import { expect, test, type Page } from "@playwright/test";
import { seriousViolations, setLocale, signIn } from "./helpers";

type Dashboard = {
  asOf: string;
  headline: { total: number; completed: number; ratePercent: number | null };
};

/** The headline's counts as the page shows them (data attributes beside the visible text). */
async function headlineCounts(page: Page) {
  const total = Number(await page.getByTestId("headline-total").getAttribute("data-count"));
  const completed = Number(await page.getByTestId("headline-completed").getAttribute("data-count"));
  return { total, completed };
}

/**
 * The 2023-2025 action's id, from the programme picker: 2024-05-31 lies in it (the default
 * programme is the live one, started after that day).
 */
async function pastProgrammeId(page: Page): Promise<string> {
  await page.goto("/dashboard");
  const option = page
    .getByTestId("programme-select")
    .locator("option", { hasText: /Deepening|深化提升/ });
  const id = await option.getAttribute("value");
  expect(id, "the 2023-2025 action is offered").toBeTruthy();
  return id!;
}

/** The answer of the dashboard API, once it exists (merged with the real read model). */
async function apiDashboard(page: Page, query: string): Promise<Dashboard | null> {
  const response = await page.request.get(`/api/v1/dashboard?${query}`);
  return response.ok() ? ((await response.json()) as Dashboard) : null;
}

test.describe("dashboard", () => {
  test.beforeEach(async ({ page, baseURL }) => {
    await setLocale(page, "en", baseURL);
    await signIn(page, "manager");
  });

  test("as of a date, drill-down to the ledger and a child's dashboard", async ({ page }) => {
    // Seven page loads in one flow: more than the default 30 s on a busy two-core runner.
    test.setTimeout(90_000);
    await page.goto("/");
    await page.getByTestId("open-dashboard").click();
    await expect(page.getByTestId("dashboard-page")).toBeVisible();
    const programmeId = await pastProgrammeId(page);
    await page.getByTestId("programme-select").selectOption(programmeId);
    await expect(page).toHaveURL(new RegExp(`programmeId=${programmeId}`));

    // A quick pick moves the as-of date and the address.
    await page.getByTestId("as-of-endLastYear").click();
    await expect(page).toHaveURL(/asOf=\d{4}-12-31/);

    // The picker: type 2024-05-31 segment by segment (en-US order: month, day, year).
    const picker = page.getByTestId("as-of-picker");
    await picker.getByRole("spinbutton").first().click();
    await page.keyboard.type("05312024");
    await expect(page).toHaveURL(/asOf=2024-05-31/);
    await expect(page.getByTestId("dashboard-page")).toHaveAttribute("data-as-of", "2024-05-31");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByTestId("dashboard-page")).toContainText("May 31, 2024");

    const shown = await headlineCounts(page);
    expect(shown.total).toBeGreaterThan(0);
    // Needs the real read model: GET /api/v1/dashboard answers the same figures.
    const api = await apiDashboard(page, `programmeId=${programmeId}&asOf=2024-05-31`);
    expect(api, "GET /api/v1/dashboard answers").not.toBeNull();
    expect(api!.asOf).toBe("2024-05-31");
    expect(shown).toEqual({ total: api!.headline.total, completed: api!.headline.completed });

    // Drill into the headline's total: the ledger lists as many items as the figure.
    await page.getByTestId("headline-total").click();
    await expect(page).toHaveURL(/\/ledger\?/);
    const drill = new URL(page.url()).searchParams;
    expect(drill.get("asOf")).toBe("2024-05-31");
    expect(drill.get("mainOnly")).toBe("true");
    expect(drill.get("programmeId")).toBe(programmeId);
    await expect(page.getByTestId("ledger-as-of")).toBeVisible();
    await expect(page.getByTestId("ledger-count")).toContainText(
      new RegExp(`\\b${shown.total.toLocaleString("en")}\\b`),
    );

    // Back, then a child's dashboard.
    await page.goBack();
    await expect(page.getByTestId("children-table")).toBeVisible();
    const child = page.getByTestId("child-dashboard").first();
    const name = (await child.textContent())?.trim() ?? "";
    await child.click();
    await expect(page).toHaveURL(/(supervisorId|enterpriseId)=/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
    await expect(page.getByTestId("dashboard-page")).toHaveAttribute("data-as-of", "2024-05-31");
  });

  test("compare with a month earlier", async ({ page }) => {
    await page.goto(`/dashboard?programmeId=${await pastProgrammeId(page)}&asOf=2024-05-31`);
    await page.getByTestId("compare-month-earlier").click();
    await expect(page).toHaveURL(/compareTo=2024-04-30/);
    await expect(page.getByTestId("headline-compare")).toContainText("points");
  });

  test("reads on a 390 px screen without sideways scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/dashboard?programmeId=${await pastProgrammeId(page)}&asOf=2024-05-31`);
    await expect(page.getByTestId("dashboard-headline")).toBeVisible();
    await expect(page.getByTestId("trend-chart")).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });

  test("a node outside the scope is not found", async ({ page }) => {
    await page.goto("/dashboard?enterpriseId=00000000-0000-7000-8000-000000000000");
    await expect(page.getByTestId("not-found")).toBeVisible();
  });
});

for (const locale of ["zh-CN", "en"] as const) {
  test(`dashboard accessibility (${locale})`, async ({ page, baseURL }) => {
    // Cold dashboard routes and an axe scan of the charts: more than the default 30 s.
    test.setTimeout(90_000);
    await setLocale(page, locale, baseURL);
    await signIn(page, "manager");
    const programmeId = await pastProgrammeId(page);
    await page.goto(`/dashboard?programmeId=${programmeId}&asOf=2024-05-31&compareTo=2024-04-30`);
    await expect(page.getByTestId("dashboard-headline")).toBeVisible();
    await page.getByTestId("trend-table-toggle").locator("summary").click();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
