import { expect, test, type Page } from "@playwright/test";
import { scopeRoots, seriousViolations, setLocale, signIn, type DemoUser } from "./helpers";

// A full axe scan takes seconds on a busy two-core runner: a minute per test.
test.describe.configure({ timeout: 60_000 });

// No serious or critical accessibility violation on the first screens, in both languages.
async function expectNoSeriousViolations(page: Page, what: string) {
  expect(await seriousViolations(page), `${what}: serious accessibility violations`).toEqual([]);
}

for (const locale of ["zh-CN", "en"] as const) {
  test.describe(`accessibility (${locale})`, () => {
    test.beforeEach(async ({ page, baseURL }) => {
      await setLocale(page, locale, baseURL);
    });

    test("sign-in page", async ({ page }) => {
      await page.goto("/sign-in");
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expectNoSeriousViolations(page, "sign-in");
      // With the error shown as well.
      await page.locator('input[name="username"]').fill("nobody-here");
      await page.locator('input[name="password"]').fill("wrong");
      await page.locator('button[type="submit"]').click();
      await expect(page.getByTestId("sign-in-error")).toBeVisible();
      await expectNoSeriousViolations(page, "sign-in with error");
    });

    for (const user of [
      "admin",
      "reviewer-central",
      "reviewer-hunan",
      "liaison-crrc",
      "liaison-telecom",
      "manager",
    ] satisfies DemoUser[]) {
      test(`home of ${user}`, async ({ page }) => {
        await signIn(page, user);
        await page.goto("/");
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expectNoSeriousViolations(page, `home of ${user}`);
      });
    }

    test("enterprise tree and search", async ({ page }) => {
      await signIn(page, "reviewer-central");
      await page.goto("/enterprises");
      await expect(page.getByTestId("enterprise-tree").first()).toBeVisible();
      await page.getByRole("button", { expanded: false }).first().click();
      await expect(page.getByRole("button", { expanded: true }).first()).toBeVisible();
      await expect(page.getByRole("status")).toHaveCount(0);
      await expectNoSeriousViolations(page, "enterprise tree");

      await page.goto("/enterprises?q=CRRC");
      await expect(page.getByTestId("search-results")).toBeVisible();
      await expectNoSeriousViolations(page, "enterprise search");
    });

    // Apart from the tree: four full-page scans in one test outran the test timeout on a slow runner.
    test("an enterprise page and the not-found page", async ({ page }) => {
      await signIn(page, "reviewer-central");
      const crrc = (await scopeRoots(page)).find((e) => e.code === "CRRC");
      expect(crrc).toBeTruthy();
      await page.goto(`/enterprises/${crrc!.id}`);
      await expect(page.getByTestId("enterprise-page")).toBeVisible();
      await expectNoSeriousViolations(page, "enterprise page");

      await page.goto("/enterprises/00000000-0000-7000-8000-000000000000");
      await expect(page.getByTestId("not-found")).toBeVisible();
      await expectNoSeriousViolations(page, "not-found page");
    });

    test("API documentation", async ({ page }) => {
      await signIn(page, "admin");
      await page.goto("/api-docs");
      // Operations are disclosures: open the first, so its tables are checked too.
      await page.locator("details > summary").first().click();
      await expect(page.getByTestId("api-operation").first()).toBeVisible();
      await expectNoSeriousViolations(page, "api-docs");
    });
  });
}
