import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo1234";

export const DEMO_USERS = [
  "admin",
  "reviewer-central",
  "reviewer-hunan",
  "liaison-crrc",
  "liaison-telecom",
  "manager",
] as const;
export type DemoUser = (typeof DEMO_USERS)[number];

/**
 * Signs in through next-auth's API rather than the form (the form has its own test). Uses
 * page.request, which shares the browser context's cookie jar, so the session cookie lands there.
 */
export async function signIn(
  page: Page,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  const csrfResponse = await page.request.get("/api/auth/csrf");
  expect(csrfResponse.ok()).toBeTruthy();
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, username, password, json: "true", callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in of ${username}`).toBeLessThan(400);
  const session = (await (await page.request.get("/api/auth/session")).json()) as {
    user?: { id?: string };
  };
  expect(session.user?.id, `session of ${username}`).toBeTruthy();
}

/** Chooses the interface language through the cookie the language switcher sets. */
export async function setLocale(
  page: Page,
  locale: "zh-CN" | "en",
  baseURL: string | undefined,
): Promise<void> {
  await page
    .context()
    .addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL ?? "http://localhost:3000" }]);
}

type EnterpriseDto = { id: string; code: string; nameZh: string; nameEn: string };

/** The tops of the signed-in user's trees, from the scoped API. */
export async function scopeRoots(page: Page): Promise<EnterpriseDto[]> {
  const response = await page.request.get("/api/v1/enterprises?roots=true&limit=200");
  expect(response.ok()).toBeTruthy();
  return ((await response.json()) as { items: EnterpriseDto[] }).items;
}

/** One enterprise in the signed-in user's scope, by its code. */
export async function enterpriseByCode(page: Page, code: string): Promise<EnterpriseDto> {
  const response = await page.request.get(
    `/api/v1/enterprises?q=${encodeURIComponent(code)}&limit=200`,
  );
  expect(response.ok()).toBeTruthy();
  const items = ((await response.json()) as { items: EnterpriseDto[] }).items;
  const found = items.find((e) => e.code === code);
  expect(found, `enterprise ${code} in scope`).toBeTruthy();
  return found!;
}
