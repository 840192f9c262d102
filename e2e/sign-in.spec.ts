import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, setLocale } from "./helpers";

// The one test that signs in through the form; every other spec signs in through the API.
test.describe("sign-in form", () => {
  test.beforeEach(async ({ page, baseURL }) => {
    await setLocale(page, "zh-CN", baseURL);
  });

  test("a signed-out visitor is sent to sign-in, and the form signs in", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);

    await page.getByLabel("用户名").fill("liaison-crrc");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();

    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("current-role")).toHaveText("企业联络员");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });

  test("a wrong password shows the error in the user's language", async ({ page, baseURL }) => {
    await page.goto("/sign-in");
    await page.locator('input[name="username"]').fill("reviewer-hunan");
    await page.locator('input[name="password"]').fill("not-the-password");
    await page.getByRole("button", { name: "登录" }).click();

    await expect(page.getByTestId("sign-in-error")).toHaveText("用户名或密码不正确。");
    await expect(page).toHaveURL(/\/sign-in$/);

    // The same in English.
    await setLocale(page, "en", baseURL);
    await page.goto("/sign-in");
    await page.getByLabel("Username").fill("reviewer-hunan");
    await page.getByLabel("Password").fill("still-wrong");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("sign-in-error")).toHaveText(
      "The username or password is incorrect.",
    );
  });

  test("empty fields get field-level messages without a request", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByTestId("username-error")).toHaveText("此项为必填项。");
    await expect(page.getByTestId("password-error")).toHaveText("此项为必填项。");
    await expect(page.getByLabel("用户名")).toHaveAttribute("aria-invalid", "true");
  });

  test("an account locked after repeated failures says so", async ({ page }) => {
    // A demo account no other spec uses: five failures lock it for 15 minutes.
    const username = "liaison-sinopec";
    for (let i = 0; i < 4; i++) {
      const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as {
        csrfToken: string;
      };
      await page.request.post("/api/auth/callback/credentials", {
        form: { csrfToken, username, password: `wrong-${i}`, json: "true" },
        maxRedirects: 0,
      });
    }
    await page.goto("/sign-in");
    await page.getByLabel("用户名").fill(username);
    await page.getByLabel("密码").fill("wrong-again");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByTestId("sign-in-error")).toContainText("已被临时锁定");

    // Even the right password is refused while locked.
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByTestId("sign-in-error")).toContainText("已被临时锁定");
    await expect(page).toHaveURL(/\/sign-in$/);
  });
});
