import { expect, test, type Page } from "@playwright/test";
import { withCheckCharacter } from "@/lib/enterprises/credit-code";
import { enterpriseByCode, seriousViolations, userPage } from "./helpers";

/*
 * The enterprise registry: the national administrator registers a subsidiary under a Hunan
 * group (a bad unified social credit code is refused on its field first), renames it (the old
 * name stays as a former name) and moves it under another Hunan group; the pages pass axe.
 */

/** A valid credit code no other run has used: Hunan division, a random subject identifier. */
function freshCreditCode(): string {
  const digits = Array.from({ length: 8 }, () => Math.floor(Math.random() * 10)).join("");
  return withCheckCharacter(`91430100M${digits}`);
}

async function pickEnterprise(page: Page, label: string, code: string, name: string) {
  const box = page.getByRole("combobox", { name: label, exact: true });
  const option = page.getByRole("option", { name: new RegExp(`^${name}`) }).first();
  // Typed again if a re-render took the text away before the results came.
  await expect(async () => {
    await box.fill(code);
    await expect(option).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
  await option.click();
  await expect(box).toHaveValue(name);
}

test("an administrator registers, renames and moves an enterprise", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const page = await userPage(browser, baseURL, "admin");
  const group = await enterpriseByCode(page, "HN-XINGXIANG");
  const target = await enterpriseByCode(page, "HN-CONSTR");
  const stamp = Date.now().toString(36).toUpperCase();
  const code = `HN-E2E-${stamp}`;
  const nameZh = `湖南兴湘测试企业${stamp}`;

  // From the tree to the form.
  await page.goto("/enterprises");
  await page.getByTestId("add-enterprise-link").click();
  const form = page.getByTestId("enterprise-form");
  await expect(form).toHaveAttribute("data-hydrated", "true");
  expect(await seriousViolations(page)).toEqual([]);

  await form.getByTestId("ent-code").fill(code);
  await form.getByTestId("ent-nameZh").fill(nameZh);
  await form.getByTestId("ent-nameEn").fill(`Hunan Xingxiang Test ${stamp}`);
  await pickEnterprise(page, "上级企业", group.code, group.nameZh);
  await form.getByTestId("ent-region").selectOption("HN");

  // A credit code with a wrong check character: the field says so, in Chinese, before any request.
  const good = freshCreditCode();
  const bad = good.slice(0, 17) + (good.endsWith("0") ? "1" : "0");
  await form.getByTestId("ent-creditCode").fill(bad);
  await form.getByTestId("enterprise-submit").click();
  const creditError = page.locator("#ent-creditCode-error");
  await expect(creditError).toContainText("统一社会信用代码无效");
  await expect(form.getByTestId("ent-creditCode")).toHaveAttribute("aria-invalid", "true");
  expect(await seriousViolations(page)).toEqual([]);

  await form.getByTestId("ent-creditCode").fill(good);
  await form.getByTestId("enterprise-submit").click();
  const enterprisePage = page.getByTestId("enterprise-page");
  await expect(enterprisePage).toHaveAttribute("data-code", code);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(nameZh);
  await expect(page.getByTestId("attr-creditCode")).toContainText(good);
  await expect(page.getByRole("navigation", { name: "位置" })).toContainText(group.nameZh);
  await expect(page.getByTestId("audit-link")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // Rename: the old name is kept as a former name with its dates.
  await page.getByTestId("enterprise-edit-link").click();
  await expect(page.getByTestId("enterprise-form")).toHaveAttribute("data-hydrated", "true");
  const renamed = `湖南兴湘更名企业${stamp}`;
  await page.getByTestId("ent-nameZh").fill(renamed);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId("enterprise-submit").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(renamed);
  await expect(page.getByTestId("former-names")).toContainText(nameZh);

  // Move under another Hunan group: the preview counts what moves, a confirmation comes first.
  const panel = page.getByTestId("move-panel");
  await expect(panel).toHaveAttribute("data-hydrated", "true");
  await pickEnterprise(page, "新的上级企业", target.code, target.nameZh);
  await expect(panel.getByTestId("move-preview")).toContainText("1 家企业");
  await panel.getByTestId("move-submit").click();
  const dialog = page.getByTestId("move-dialog");
  await expect(dialog).toContainText(target.nameZh);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId("move-dialog-confirm").click();
  await expect(panel.getByTestId("move-done")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "位置" })).toContainText(target.nameZh);
  await expect(page.getByRole("navigation", { name: "位置" })).not.toContainText(group.nameZh);
});
