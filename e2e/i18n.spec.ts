import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// Chinese by default; the switcher changes the interface and the names stored in both languages.
test.use({ locale: "zh-CN" });

test("Chinese by default, English after switching, and the choice is kept", async ({ page }) => {
  await signIn(page, "liaison-crrc");
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("link", { name: "改革台账" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("本企业工作台账");
  await expect(page.getByTestId("ledger-items")).toContainText("中国中车");
  await expect(page.getByRole("button", { name: "中文" })).toHaveAttribute("aria-pressed", "true");

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Our work ledger");
  await expect(page.getByTestId("ledger-items")).toContainText("CRRC");
  await expect(page.getByTestId("ledger-items")).not.toContainText("中国中车");
  await expect(page.getByTestId("current-role")).toHaveText("Enterprise liaison");
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === "NEXT_LOCALE")?.value).toBe("en");

  // Kept across pages: enterprise names, supervisors and enumerations in English.
  await page.goto("/enterprises");
  await expect(page.getByRole("heading", { name: "State Council SASAC" })).toBeVisible();
  await expect(page.getByTestId("enterprise-tree")).toContainText("CRRC Group Co., Ltd.");
  // Exactly: the row's dashboard link is "Dashboard of CRRC Group Co., Ltd.".
  await page.getByRole("link", { name: "CRRC Group Co., Ltd.", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("CRRC Group Co., Ltd.");
  await expect(page.getByTestId("attr-supervisor")).toContainText("State Council SASAC (Central)");
  await expect(page.getByTestId("attr-ownershipForm")).toContainText("Wholly state-owned");

  // And back.
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("中国中车集团有限公司");
  await expect(page.getByTestId("attr-supervisor")).toContainText("国务院国资委（中央）");
});

test("the sign-in page has the switcher too", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("登录改革台账");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Reform Ledger");
  await expect(page.getByLabel("Username")).toBeVisible();
});
