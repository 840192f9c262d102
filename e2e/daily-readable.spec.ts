import { expect, test, type Page } from "@playwright/test";
import { setLocale, signIn } from "./helpers";
import { inProgressMainItems, itemDetail, openItem, uniqueText } from "./fixtures/ledger";

/*
 * Daily work, in Chinese: the month picker and the entry draft, pages that reflow on a phone,
 * Chinese text on a machine without a Chinese font (this one has none), and the watermark (the
 * e2e server runs with WATERMARK=on). Writes go to liaison-crrc's main item in progress at index
 * 5 (ledger.spec.ts uses 0-4 and the last one).
 */
test.describe.configure({ timeout: 90_000 });

test.beforeEach(async ({ page, baseURL }) => {
  await setLocale(page, "zh-CN", baseURL);
});

const monthBefore = (key: string) => {
  const [y, m] = key.split("-").map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
};

test("a month chosen in the picker is recorded; the draft survives a reload and is gone after submit", async ({
  page,
}) => {
  await signIn(page, "liaison-crrc");
  const items = await inProgressMainItems(page.request);
  expect(items.length, "an item ledger.spec.ts does not write to").toBeGreaterThanOrEqual(7);
  const item = items[5]!;
  const detail = await itemDetail(page.request, item.id);
  await openItem(page, item.id);

  const form = page.getByTestId("entry-form");
  const picker = form.getByTestId("period-picker");
  const current = (await picker.getAttribute("data-value"))!;
  expect(current).toMatch(/^\d{4}-\d{2}$/);
  // Months not yet begun cannot be chosen.
  const [y, m] = current.split("-").map(Number) as [number, number];
  if (m < 12) {
    const next = `${y}-${String(m + 1).padStart(2, "0")}`;
    await expect(picker.locator(`[data-period="${next}"] input`)).toBeDisabled();
  }
  const chosen = monthBefore(current);
  if (chosen.slice(0, 4) !== current.slice(0, 4))
    await picker.getByRole("button", { name: "上一年" }).click();
  const radio = picker.getByRole("radio", {
    name: `${Number(chosen.slice(0, 4))}年${Number(chosen.slice(5))}月`,
  });
  await picker.locator(`[data-period="${chosen}"]`).click();
  await expect(radio).toBeChecked();
  await expect(picker).toHaveAttribute("data-value", chosen);

  const narrative = uniqueText("e2e draft");
  const percent = detail.percentDone >= 99 ? 98 : detail.percentDone + 1;
  await form.getByLabel("进展情况").fill(narrative);
  await form.getByLabel("完成进度（%）").fill(String(percent));
  await expect
    .poll(() =>
      page.evaluate(() =>
        Object.keys(localStorage).filter((k) => k.startsWith("reform-ledger.entry-draft.v1:")),
      ),
    )
    .toEqual([expect.stringContaining(`:${item.id}:progress`)]);

  await page.reload();
  await expect(page.getByTestId("ledger-item-page")).toHaveAttribute("data-hydrated", "true");
  await expect(form.getByTestId("draft-restored")).toContainText("已恢复");
  await expect(form.getByLabel("进展情况")).toHaveValue(narrative);
  await expect(form.getByLabel("完成进度（%）")).toHaveValue(String(percent));
  await expect(picker).toHaveAttribute("data-value", chosen);

  await form.getByTestId("submit-entry").click();
  await expect(form.getByTestId("form-saved")).toContainText(`已保存 ${chosen} 的填报`);
  const entry = page.getByTestId("timeline-entry").first();
  await expect(entry.getByTestId("entry-narrative")).toHaveText(narrative);
  await expect
    .poll(() =>
      page.evaluate(() =>
        Object.keys(localStorage).filter((k) => k.startsWith("reform-ledger.entry-draft.v1:")),
      ),
    )
    .toEqual([]);
  await page.reload();
  await expect(page.getByTestId("ledger-item-page")).toHaveAttribute("data-hydrated", "true");
  await expect(form.getByTestId("draft-restored")).toHaveCount(0);
  await expect(form.getByLabel("进展情况")).toHaveValue("");
});

test("a discarded draft is gone and the form is back to the item", async ({ page }) => {
  await signIn(page, "liaison-crrc");
  const item = (await inProgressMainItems(page.request))[5]!;
  await openItem(page, item.id);
  const form = page.getByTestId("entry-form");
  await form.getByLabel("进展情况").fill(uniqueText("e2e discard"));
  await page.waitForTimeout(800);
  await page.reload();
  await expect(form.getByTestId("draft-restored")).toBeVisible();
  await form.getByTestId("draft-discard").click();
  await expect(form.getByTestId("draft-restored")).toHaveCount(0);
  await expect(form.getByLabel("进展情况")).toHaveValue("");
  await page.reload();
  await expect(page.getByTestId("ledger-item-page")).toHaveAttribute("data-hydrated", "true");
  await expect(form.getByTestId("draft-restored")).toHaveCount(0);
});

async function pageWidth(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  return page.evaluate(() => document.documentElement.scrollWidth);
}

for (const user of ["liaison-crrc", "manager"] as const) {
  test(`${user}: the home, the ledger and an item fit a 390 px screen`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, user);
    const item = (await inProgressMainItems(page.request))[0]!;
    for (const path of ["/", "/ledger", `/ledger/${item.id}`]) {
      expect(await pageWidth(page, path), `${path} scrolls sideways`).toBeLessThanOrEqual(390);
    }
  });
}

test("at 1280 px the ledger's short column headers stay on one line", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "liaison-crrc");
  await page.goto("/ledger");
  await expect(page.getByTestId("ledger-row").first()).toBeVisible();
  const wrapped = await page.locator("thead th").evaluateAll((ths) =>
    ths
      .filter((th) => (th.textContent ?? "").trim().length > 0)
      .filter((th) => (th.textContent ?? "").trim().length <= 8)
      .filter((th) => {
        // A label wraps when one of its text nodes spans more than one line box.
        const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.textContent?.trim()) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (tops.size > 1) return true;
        }
        return false;
      })
      .map((th) => th.textContent),
  );
  expect(wrapped).toEqual([]);
});

test("Chinese renders with the app's own Noto Sans SC on a machine without a Chinese font", async ({
  page,
  baseURL,
}) => {
  const fonts: { url: string; bytes: number }[] = [];
  const foreign: string[] = [];
  page.on("requestfinished", async (request) => {
    const url = new URL(request.url());
    if (!url.origin.startsWith("http://127.0.0.1") && !url.protocol.startsWith("data"))
      foreign.push(request.url());
    if (url.pathname.endsWith(".woff2")) {
      const sizes = await request.sizes().catch(() => null);
      fonts.push({ url: request.url(), bytes: sizes?.responseBodySize ?? 0 });
    }
  });
  await signIn(page, "liaison-crrc");
  await page.goto("/");
  await page.evaluate(() => document.fonts.ready);
  await page.waitForLoadState("networkidle");

  expect(fonts.length, "font slices requested").toBeGreaterThan(0);
  for (const f of fonts) expect(new URL(f.url).origin).toBe(new URL(baseURL!).origin);
  expect(foreign).toEqual([]);
  const loaded = await page.evaluate(() => ({
    check: document.fonts.check('16px "Noto Sans SC Variable"', "中文"),
    faces: [...document.fonts].filter(
      (f) => f.family.includes("Noto Sans SC") && f.status === "loaded",
    ).length,
  }));
  expect(loaded.check).toBe(true);
  expect(loaded.faces).toBeGreaterThan(0);
  const total = fonts.reduce((sum, f) => sum + f.bytes, 0);
  test.info().annotations.push({
    type: "font bytes",
    description: `${fonts.length} slices, ${total} bytes on the home page`,
  });
  await page.screenshot({ path: test.info().outputPath("home-zh-CN.png"), fullPage: false });
});

test("with WATERMARK=on every page carries the viewer's name and the time, out of the way", async ({
  page,
}) => {
  await signIn(page, "liaison-crrc");
  const me = (await (await page.request.get("/api/v1/me")).json()) as { displayName: string };
  for (const path of ["/", "/ledger"]) {
    await page.goto(path);
    const mark = page.getByTestId("watermark");
    await expect(mark).toHaveAttribute(
      "data-text",
      new RegExp(`^${me.displayName} \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$`),
    );
    await expect(mark).toHaveAttribute("aria-hidden", "true");
    await expect(mark).toHaveCSS("pointer-events", "none");
    // Real text in the app's font (an image could not use it): the name, not boxes.
    const drawn = await mark
      .locator("span")
      .first()
      .evaluate((el) => getComputedStyle(el, "::before").content);
    expect(drawn).toContain(me.displayName);
  }
});
