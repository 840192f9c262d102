import { expect, test, type Page } from "@playwright/test";
import { scopeRoots, seriousViolations, signIn, userPage } from "./helpers";

/*
 * Users and access: the national administrator creates a liaison for a Hunan enterprise, who
 * signs in and changes their own password; deactivation signs the open session out on its next
 * navigation; the journal filtered to the user shows the changes. API tokens are shown once, then
 * only by prefix, and stop working when revoked. admin-hunan cannot open a State Council user.
 */

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

async function expectAccessible(page: Page) {
  // React Aria announces a pending button through a live region entry labelled by the button; it
  // stays 7 s and names nothing once the dialog has gone: wait it out before axe looks.
  await expect(page.locator('[role="log"] [role="img"]')).toHaveCount(0, { timeout: 10_000 });
  expect(await seriousViolations(page)).toEqual([]);
}

test("a Hunan liaison: created, signs in, changes the password, is deactivated and signed out; the journal shows it", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const admin = await userPage(browser, baseURL, "admin");
  const hunanAdmin = await userPage(browser, baseURL, "admin-hunan");
  const hunanGroup = (await scopeRoots(hunanAdmin))[0]!;
  expect(hunanGroup, "a Hunan group").toBeTruthy();
  const username = `e2e-liaison-${stamp()}`;

  // The administrator creates the user with an initial password and a grant on the Hunan group.
  await admin.goto("/admin/users/new");
  const form = admin.getByTestId("user-form");
  await expect(form).toHaveAttribute("data-hydrated", "true");
  await form.getByLabel("用户名").fill(username);
  await form.getByLabel("姓名").fill("端到端联络员");
  await form.getByLabel("角色").selectOption("LIAISON");
  await form.getByLabel("初始密码").fill("first-pass-123");
  const picker = form.getByRole("combobox", { name: "添加企业" });
  await picker.fill(hunanGroup.code);
  await admin
    .getByRole("option", { name: new RegExp(hunanGroup.nameZh) })
    .first()
    .click();
  await expect(
    form.locator(`[data-testid="granted-enterprise"][data-code="${hunanGroup.code}"]`),
  ).toBeVisible();
  await expectAccessible(admin);
  await form.getByTestId("user-submit").click();
  await expect(admin.getByTestId("user-created")).toContainText(username);
  await admin.getByTestId("created-user-link").click();
  await expect(admin.getByTestId("user-page")).toBeVisible();
  const userId = await admin.getByTestId("user-page").getAttribute("data-user-id");
  expect(userId).toBeTruthy();
  await expectAccessible(admin);

  // The new liaison signs in in a context of their own and changes the password.
  const context = await browser.newContext({
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
  const liaison = await context.newPage();
  await signIn(liaison, username, "first-pass-123");
  await liaison.goto("/");
  await liaison.getByTestId("account-link").click();
  await expect(liaison).toHaveURL(/\/account$/);
  await expect(liaison.getByTestId("profile")).toContainText(hunanGroup.nameZh);
  const passwordForm = liaison.getByTestId("change-password-form");
  await expect(passwordForm).toHaveAttribute("data-hydrated", "true");
  await passwordForm.getByLabel("当前密码").fill("wrong-password-1");
  await passwordForm.getByLabel(/^新密码/).fill("second-pass-456");
  await passwordForm.getByLabel("再次输入新密码").fill("second-pass-456");
  await passwordForm.getByTestId("change-password-submit").click();
  await expect(passwordForm.getByTestId("field-error")).toHaveText("当前密码不正确。");
  await passwordForm.getByLabel("当前密码").fill("first-pass-123");
  await passwordForm.getByTestId("change-password-submit").click();
  await expect(liaison.getByTestId("password-changed")).toBeVisible();
  await expectAccessible(liaison);
  // The new password signs in; the session stays open.
  const check = await browser.newContext({ baseURL });
  await signIn(await check.newPage(), username, "second-pass-456");
  await check.close();

  // The administrator deactivates the user: the open session ends on its next navigation.
  await admin.reload();
  await admin.getByTestId("deactivate-user").click();
  await admin.getByTestId("user-status-dialog-confirm").click();
  await expect(admin.getByTestId("user-status")).toHaveAttribute("data-active", "false");
  await liaison.goto("/account");
  await expect(liaison).toHaveURL(/\/sign-in/);
  expect((await liaison.request.get("/api/v1/me")).status()).toBe(401);
  await context.close();

  // The journal, opened from the user's page, shows what happened to the user.
  await admin.getByTestId("audit-link").click();
  await expect(admin).toHaveURL(new RegExp(`/audit\\?entityType=User&entityId=${userId}`));
  const actions = admin.getByTestId("audit-row");
  await expect(actions).toHaveCount(3);
  expect(
    await actions.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-action"))),
  ).toEqual(["user.deactivate", "user.changeOwnPassword", "user.create"]);
  await expect(
    actions.first().locator('[data-testid="audit-changes"] [data-field="active"]'),
  ).toContainText("false");
  await expectAccessible(admin);
});

test("an API token is shown once, then only by its prefix, and stops working when revoked", async ({
  browser,
  baseURL,
}) => {
  const admin = await userPage(browser, baseURL, "admin");
  await admin.goto("/admin/tokens");
  const form = admin.getByTestId("create-token-form");
  await expect(form).toHaveAttribute("data-hydrated", "true");
  const name = `e2e token ${stamp()}`;
  await form.getByLabel("名称").fill(name);
  await form.getByTestId("create-token-submit").click();
  const dialog = admin.getByTestId("token-secret-dialog");
  const secret = (await dialog.getByTestId("token-secret").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^rl_[A-Za-z0-9_-]{20,}$/);
  await expectAccessible(admin);
  await dialog.getByTestId("token-secret-close").click();
  await expect(dialog).toHaveCount(0);

  const row = admin.getByTestId("token-row").filter({ hasText: name });
  await expect(row.getByTestId("token-prefix")).toHaveText(`${secret.slice(0, 8)}…`);
  expect(await admin.content()).not.toContain(secret);
  await admin.reload();
  expect(await admin.content()).not.toContain(secret);
  await expectAccessible(admin);

  const bearer = { authorization: `Bearer ${secret}` };
  const me = await admin.request.get("/api/v1/me", { headers: bearer });
  expect(me.status()).toBe(200);
  expect(((await me.json()) as { username: string; via: string }).via).toBe("token");

  await row.getByTestId("revoke-token").click();
  await admin.getByTestId("revoke-token-dialog-confirm").click();
  await expect(row).toHaveAttribute("data-state", "revoked");
  expect((await admin.request.get("/api/v1/me", { headers: bearer })).status()).toBe(401);
});

test("admin-hunan cannot open a State Council user", async ({ browser, baseURL }) => {
  const admin = await userPage(browser, baseURL, "admin");
  const found = await admin.request.get("/api/v1/users?q=reviewer-central");
  const central = (
    (await found.json()) as { items: { id: string; username: string }[] }
  ).items.find((u) => u.username === "reviewer-central");
  expect(central, "reviewer-central").toBeTruthy();

  const hunanAdmin = await userPage(browser, baseURL, "admin-hunan");
  await hunanAdmin.goto("/admin/users?q=reviewer");
  await expect(hunanAdmin.getByTestId("users-table")).toBeVisible();
  await expect(
    hunanAdmin.locator('[data-testid="user-row"][data-username="reviewer-hunan"]'),
  ).toBeVisible();
  await expect(
    hunanAdmin.locator('[data-testid="user-row"][data-username="reviewer-central"]'),
  ).toHaveCount(0);
  await expectAccessible(hunanAdmin);
  await hunanAdmin.goto(`/admin/users/${central!.id}`);
  await expect(hunanAdmin.getByTestId("not-found")).toBeVisible();
  expect((await hunanAdmin.request.get(`/api/v1/users/${central!.id}`)).status()).toBe(404);
});
