import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo1234";

export const DEMO_USERS = [
  "admin",
  "admin-hunan",
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

/** A label no other run has used, so parallel and repeated runs never collide. */
export const unique = (label: string) =>
  `${label} ${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

/** A signed-in page of its own browser context (zh-CN, China time), for one user of a scenario. */
export async function userPage(
  browser: Browser,
  baseURL: string | undefined,
  /** A demo account, or another group's liaison (`liaison-<group code>`, e.g. liaison-sdic). */
  username: DemoUser | `liaison-${string}`,
): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

export const EVIDENCE_PDF = fileURLToPath(new URL("./fixtures/evidence.pdf", import.meta.url));

/** What a claim says when an indicator misses its target (the form asks for at least 20 characters). */
export const CLAIM_JUSTIFICATION =
  "e2e 未达标说明：指标受市场因素影响略低于目标，但改革任务的各项工作已全部完成，具备销号条件。";

/**
 * Claims completion through the ledger item page's claim form, with the evidence PDF and any
 * indicator values (by indicator code). When an indicator misses its target the form asks for a
 * justification: `justification` is typed then.
 */
export async function claimCompletion(
  page: Page,
  itemId: string,
  statement: string,
  {
    justification = CLAIM_JUSTIFICATION,
    indicatorValues = {},
  }: { justification?: string; indicatorValues?: Record<string, string> } = {},
) {
  await page.goto(`/ledger/${itemId}`);
  await expect(
    page.locator(`[data-testid="ledger-item-page"][data-item-id="${itemId}"]`),
  ).toHaveAttribute("data-hydrated", "true");
  await page.getByTestId("open-claim").click();
  const form = page.getByTestId("claim-form");
  await form.getByTestId("narrative").fill(statement);
  for (const [code, value] of Object.entries(indicatorValues))
    await form
      .locator(`[data-testid="indicator-input"][data-indicator-code="${code}"]`)
      .fill(value);
  // Shown as soon as the values (typed, else the latest reported) miss a target.
  const justificationField = form.getByTestId("justification");
  if (await justificationField.isVisible()) await justificationField.fill(justification);
  await form.getByTestId("evidence-input").setInputFiles(EVIDENCE_PDF);
  await expect(form.getByTestId("upload").filter({ hasText: "evidence.pdf" })).toHaveAttribute(
    "data-state",
    "done",
    { timeout: 30_000 },
  );
  await form.getByTestId("submit-claim").click();
  await expect(page.getByTestId("awaiting-review")).toBeVisible();
}

/** Opens the review queue with a query string and waits until it takes clicks. */
export async function openQueue(page: Page, search: string) {
  await page.goto(`/review${search}`);
  await expect(page.getByTestId("review-queue")).toHaveAttribute("data-hydrated", "true");
}

/**
 * The serious and critical axe violations of the page, one line each. By default every rule axe
 * runs (WCAG 2.x A/AA and best practices); `tags` narrows to those rule sets.
 */
export async function seriousViolations(page: Page, tags?: string[]): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const results = await (tags ? builder.withTags(tags) : builder).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
}

/** Types an ISO day into a date picker segment by segment, in the order the locale shows them. */
export async function typeDay(picker: Locator, iso: string) {
  const [year, month, day] = iso.split("-") as [string, string, string];
  const parts: Record<string, string> = { year, month, day };
  const segments = picker.locator('[role="spinbutton"]');
  const order = await segments.evaluateAll((all) => all.map((el) => el.getAttribute("data-type")));
  await segments.first().focus();
  await picker.page().keyboard.type(order.map((type) => parts[type ?? ""] ?? "").join(""));
  await expect(picker.locator('input[type="hidden"]')).toHaveValue(iso);
}
