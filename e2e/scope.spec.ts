import { expect, test } from "@playwright/test";
import { scopeRoots, setLocale, signIn } from "./helpers";

// Nobody sees another enterprise by guessing its id: a page or API call outside the scope looks
// exactly like one for an id that does not exist.
test("liaison-crrc cannot open China Telecom's enterprise page or API record", async ({
  page,
  baseURL,
}) => {
  await setLocale(page, "zh-CN", baseURL);

  await signIn(page, "liaison-telecom");
  const roots = await scopeRoots(page);
  const telecom = roots.find((e) => e.code === "TELECOM");
  expect(telecom, "China Telecom is liaison-telecom's root").toBeTruthy();
  const telecomId = telecom!.id;

  // The owner sees it.
  await page.goto(`/enterprises/${telecomId}`);
  await expect(page.getByTestId("enterprise-page")).toBeVisible();

  await page.context().clearCookies();
  await setLocale(page, "zh-CN", baseURL);
  await signIn(page, "liaison-crrc");

  const response = await page.goto(`/enterprises/${telecomId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toBeVisible();
  await expect(page.getByTestId("enterprise-page")).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText("中国电信");

  const api = await page.request.get(`/api/v1/enterprises/${telecomId}`);
  expect(api.status()).toBe(404);
  const missing = await page.request.get(
    "/api/v1/enterprises/00000000-0000-7000-8000-000000000000",
  );
  expect(missing.status()).toBe(404);
  const body = (await api.json()) as { error: { code: string; message: string } };
  const missingBody = (await missing.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe("not_found");
  expect(body.error.message).toBe(missingBody.error.message);

  // A missing id and a malformed one get the same page.
  const unknown = await page.goto("/enterprises/00000000-0000-7000-8000-000000000000");
  expect(unknown?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toBeVisible();
  const malformed = await page.goto("/enterprises/not-an-id");
  expect(malformed?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toBeVisible();

  // Nor does the search or the list reveal it.
  const search = await page.request.get("/api/v1/enterprises?q=TELECOM");
  expect(((await search.json()) as { items: unknown[] }).items).toHaveLength(0);
});

test("the not-found page speaks the user's language", async ({ page, baseURL }) => {
  await setLocale(page, "en", baseURL);
  await signIn(page, "liaison-crrc");
  await page.goto("/enterprises/00000000-0000-7000-8000-000000000000");
  await expect(page.getByTestId("not-found")).toContainText("Page not found");
  await setLocale(page, "zh-CN", baseURL);
  await page.reload();
  await expect(page.getByTestId("not-found")).toContainText("未找到该页面");
});
