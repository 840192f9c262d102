import { expect, test, type Locator } from "@playwright/test";
import {
  CLAIM_JUSTIFICATION,
  enterpriseByCode,
  seriousViolations,
  setLocale,
  signIn,
} from "./helpers";
import {
  attachPdf,
  inProgressMainItems,
  itemDetail,
  openItem,
  openLedger,
  uniqueText,
} from "./fixtures/ledger";

/*
 * The work ledger and the ledger item page (issue #3). Items are chosen by index in the
 * liaison's list of main items in progress, a different index per test (and per spec file), so
 * tests running in parallel never write to the same item:
 *   0 record an entry, 1 conflict (ledger-conflict.spec.ts), 2 validation, 3 correction,
 *   4 accessibility (read-only), last: completion claim (removes it from the list, so it must be
 *   the last index).
 */

// Cold routes on a fresh server, two browser contexts, axe scans: more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

const todayInBeijing = () =>
  new Intl.DateTimeFormat("zh-CN", { dateStyle: "medium", timeZone: "Asia/Shanghai" }).format(
    new Date(),
  );

test("a liaison records an entry with an indicator value and a PDF; the timeline and the ledger row show it", async ({
  page,
}) => {
  await signIn(page, "liaison-crrc");
  const [item] = await inProgressMainItems(page.request);
  const detail = await itemDetail(page.request, item!.id);
  expect(detail.canWrite).toBe(true);
  expect(detail.indicators.length, "the item has an indicator").toBeGreaterThan(0);

  const narrative = uniqueText("e2e record");
  const percent = detail.percentDone >= 99 ? 98 : detail.percentDone + 1;
  await openItem(page, item!.id);
  const form = page.getByTestId("entry-form");
  await form.getByLabel("进展情况").fill(narrative);
  await form.getByLabel("完成进度（%）").fill(String(percent));
  await form.getByTestId("indicator-input").first().fill("123.5");
  await attachPdf(page);
  await form.getByRole("button", { name: "添加链接" }).click();
  await form.getByLabel("链接地址").fill("https://www.sasac.gov.cn/");
  await form.getByLabel("链接标题（可选）").fill("国资委网站");
  await form.getByTestId("submit-entry").click();
  await expect(form.getByTestId("form-saved")).toContainText("已保存");

  const entry = page.getByTestId("timeline-entry").first();
  await expect(entry.getByTestId("entry-narrative")).toHaveText(narrative);
  await expect(entry.getByTestId("entry-indicators")).toContainText("123.5");
  await expect(
    entry.getByTestId("entry-links").getByRole("link", { name: "国资委网站" }),
  ).toHaveAttribute("href", "https://www.sasac.gov.cn/");
  const pdf = entry.getByTestId("entry-files").getByRole("link", { name: "evidence.pdf" });
  await expect(pdf).toHaveAttribute("href", /^\/api\/v1\/evidence\/[0-9a-f-]{36}$/);
  const download = await page.request.get((await pdf.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  // The timeline with files and links passes axe too.
  expect(await seriousViolations(page)).toEqual([]);

  // The ledger row: this enterprise's rows for this task code (the link carries the item id).
  await openLedger(
    page,
    `?enterpriseId=${item!.enterprise.id}&q=${encodeURIComponent(item!.task.code)}`,
  );
  // The picker names the enterprise of the URL, as the server rendered it.
  await expect(page.getByRole("combobox", { name: "企业（含下属企业）" })).toHaveValue(
    item!.enterprise.nameZh,
  );
  const row = page.locator(`[data-testid="ledger-row"][data-row-id="${item!.id}"]`);
  await expect(row.getByTestId("row-percent")).toContainText(`${percent}%`);
  await expect(row.getByTestId("row-last-update")).toContainText(todayInBeijing());
});

/** The field message an input is described by (its hint and any warning are described too). */
async function errorOf(input: Locator) {
  const ids = (await input.getAttribute("aria-describedby"))?.split(" ") ?? [];
  const id = ids.find((i) => i.endsWith("-error"));
  expect(id, "the input is described by its error").toBeTruthy();
  return input.page().locator(`#${id}`);
}

test("out-of-range percent and a bad indicator value show the field message in Chinese and save nothing", async ({
  page,
}) => {
  await signIn(page, "liaison-crrc");
  const items = await inProgressMainItems(page.request);
  const item = items[2]!;
  const before = await itemDetail(page.request, item.id);
  let posted = 0;
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().endsWith(`/api/v1/ledger-items/${item.id}/entries`))
      posted += 1;
  });

  await openItem(page, item.id);
  const form = page.getByTestId("entry-form");
  await form.getByLabel("进展情况").fill(uniqueText("e2e invalid"));
  const percent = form.getByLabel("完成进度（%）");
  await percent.fill("101");
  const indicator = form.getByTestId("indicator-input").first();
  await indicator.fill("12a");
  await form.getByTestId("submit-entry").click();

  // Checked in the browser with the API's own schema: nothing is sent.
  await expect(percent).toHaveAttribute("aria-invalid", "true");
  const percentError = await errorOf(percent);
  await expect(percentError).toHaveText("不能大于 100。");
  const indicatorError = await errorOf(indicator);
  await expect(indicatorError).toHaveText("请输入数字。");
  expect(posted).toBe(0);

  // A value only the server rejects (too large to store): its 422 lands next to the same field.
  await percent.fill("50");
  await indicator.fill("1e17");
  const response = page.waitForResponse(
    (r) =>
      r.url().endsWith(`/api/v1/ledger-items/${item.id}/entries`) &&
      r.request().method() === "POST",
  );
  await form.getByTestId("submit-entry").click();
  // So large a value is implausible: the form asks first; confirmed, it goes to the server.
  const confirm = page.getByTestId("indicator-confirm");
  await expect(confirm.getByTestId("indicator-confirm-reasons")).toContainText("可能填错");
  await confirm.getByTestId("indicator-confirm-confirm").click();
  expect((await response).status()).toBe(422);
  await expect(indicator).toHaveAttribute("aria-invalid", "true");
  // Beside the warning the value still carries, the server's message.
  await expect(await errorOf(indicator)).toHaveText("数值过大。");
  await expect(percent).not.toHaveAttribute("aria-invalid", "true");

  const after = await itemDetail(page.request, item.id);
  expect(after.version).toBe(before.version);
  expect(after.entries.length).toBe(before.entries.length);
});

test("correct an entry: the form opens prefilled and the new entry says what it corrects", async ({
  page,
}) => {
  await signIn(page, "liaison-crrc");
  const items = await inProgressMainItems(page.request);
  const item = items[3]!;
  const before = await itemDetail(page.request, item.id);
  const original = before.entries[0]!;

  await openItem(page, item.id);
  await page.getByTestId("timeline-entry").first().getByTestId("correct-entry").click();
  const form = page.getByTestId("entry-form");
  await expect(form.getByTestId("correcting-note")).toContainText(original.period);
  await expect(form.getByLabel("进展情况")).toHaveValue(original.narrative);
  const corrected = uniqueText("e2e correction");
  await form.getByLabel("进展情况").fill(corrected);
  await form.getByTestId("submit-entry").click();
  await expect(form.getByTestId("form-saved")).toContainText("已保存");

  const entry = page.getByTestId("timeline-entry").first();
  await expect(entry.getByTestId("entry-narrative")).toHaveText(corrected);
  await expect(entry.getByTestId("corrects")).toContainText(`更正了 ${original.period} 的填报`);
  const after = await itemDetail(page.request, item.id);
  expect(after.entries[0]!.correctsId).toBe(original.id);
});

test("a manager sees the ledger read-only: no entry form, no claim", async ({ page }) => {
  await signIn(page, "manager");
  await openLedger(page);
  await expect(page.getByRole("heading", { level: 1, name: "工作台账" })).toBeVisible();
  await expect(page.getByText("您权限范围内企业的台账事项（只读）。")).toBeVisible();
  const rows = page.getByTestId("ledger-row");
  await expect(rows.first()).toBeVisible();
  await expect(page.getByTestId("ledger-count")).toContainText("共");

  await rows.first().getByRole("link").click();
  await expect(page.getByTestId("ledger-item-page")).toBeVisible();
  await expect(page.getByTestId("read-only-note")).toBeVisible();
  await expect(page.getByTestId("entry-form")).toHaveCount(0);
  await expect(page.getByTestId("claim-section")).toHaveCount(0);
  await expect(page.getByTestId("correct-entry")).toHaveCount(0);
});

test("filters, sorting and the URL: a view can be shared", async ({ page }) => {
  await signIn(page, "liaison-crrc");
  await openLedger(page);
  await page.getByLabel("仅主要任务").check();
  await page.getByLabel("状态", { exact: true }).selectOption("IN_PROGRESS");
  await expect(page).toHaveURL(/mainOnly=true/);
  await expect(page).toHaveURL(/status=IN_PROGRESS/);
  // Other specs may close items meanwhile: check what is listed, not a count fetched elsewhere.
  const rows = page.getByTestId("ledger-row");
  await expect(page.getByTestId("ledger-count")).toHaveText(/台账事项：已显示 (\d+) 项，共 \1 项/);
  await expect(rows.first()).toBeVisible();
  for (const status of await page
    .getByTestId("row-status")
    .evaluateAll((cells) => cells.map((c) => c.getAttribute("data-status")))) {
    expect(status).toBe("IN_PROGRESS");
  }
  await page.getByTestId("sort-percentDone").click();
  await expect(page).toHaveURL(/sort=percentDone/);
  await expect(page.locator("th[aria-sort]")).toHaveAttribute("aria-sort", "ascending");

  // The same address in a fresh page renders the same view on the server.
  const shared = page.url();
  await page.goto(shared);
  await expect(page.getByTestId("ledger-view")).toHaveAttribute("data-hydrated", "true");
  await expect(page.getByLabel("仅主要任务")).toBeChecked();
  await expect(page.getByLabel("状态", { exact: true })).toHaveValue("IN_PROGRESS");
  await expect(rows.first()).toBeVisible();
  expect(
    await page
      .getByTestId("row-status")
      .evaluateAll((cells) => cells.every((c) => c.getAttribute("data-status") === "IN_PROGRESS")),
  ).toBe(true);
  const percents = await page.getByTestId("row-percent").allInnerTexts();
  const numbers = percents.map((p) => Number(p.replace(/[^0-9]/g, "")));
  expect(numbers).toEqual([...numbers].sort((x, y) => x - y));
});

test("the enterprise filter searches as you type and lists the picked enterprise's subtree", async ({
  page,
}) => {
  await signIn(page, "liaison-crrc");
  const zelc = await enterpriseByCode(page, "CRRC-ZELC");
  await openLedger(page);

  const picker = page.getByRole("combobox", { name: "企业（含下属企业）" });
  await picker.fill("株洲电力");
  await page.getByRole("option", { name: new RegExp(zelc.nameZh) }).click();
  await expect(page).toHaveURL(new RegExp(`enterpriseId=${zelc.id}`));
  await expect(picker).toHaveValue(zelc.nameZh);

  // The API's answer for the same filter, read after the page's, so a concurrent claim is seen.
  const rows = page.getByTestId("ledger-row");
  await expect(page.getByTestId("ledger-count")).toHaveText(/台账事项：已显示 \d+ 项，共 \d+ 项/);
  const response = await page.request.get(`/api/v1/ledger-items?enterpriseId=${zelc.id}&limit=200`);
  expect(response.ok()).toBeTruthy();
  const expected = (await response.json()) as { items: { id: string }[]; total: number };
  expect(expected.total, "CRRC ZELC's subtree has ledger items").toBeGreaterThan(0);
  const loadMore = page.getByTestId("load-more");
  while (await loadMore.isVisible()) {
    const before = await rows.count();
    await loadMore.click();
    await expect(rows).not.toHaveCount(before);
  }
  await expect(rows).toHaveCount(expected.total);
  await expect(page.getByTestId("ledger-count")).toHaveText(
    `台账事项：已显示 ${expected.total} 项，共 ${expected.total} 项`,
  );
  const shown = await rows.evaluateAll((list) => list.map((r) => r.getAttribute("data-row-id")));
  expect(new Set(shown)).toEqual(new Set(expected.items.map((i) => i.id)));

  // Clearing the picker drops the filter.
  await page.getByTestId("filter-enterprise-clear").click();
  await expect(page).not.toHaveURL(/enterpriseId=/);
  await expect(picker).toHaveValue("");
});

test("claim completion: evidence is required, then the item awaits review and the forms close", async ({
  page,
}) => {
  await signIn(page, "liaison-crrc");
  const items = await inProgressMainItems(page.request);
  const item = items.at(-1)!;

  await openItem(page, item.id);
  await page.getByTestId("open-claim").click();
  const form = page.getByTestId("claim-form");
  await form
    .getByLabel("完成情况说明")
    .fill(uniqueText("e2e claim: all subsidiaries finished, see the attached minutes"));
  await form.getByTestId("submit-claim").click();
  await expect(form.getByTestId("evidence-error")).toHaveText("请至少上传一份佐证材料。");

  await attachPdf(page, form);
  // Asked for when an indicator misses its target (judged on the latest values).
  const justification = form.getByTestId("justification");
  if (await justification.isVisible()) await justification.fill(CLAIM_JUSTIFICATION);
  await form.getByTestId("submit-claim").click();
  await expect(page.getByTestId("awaiting-review")).toBeVisible();
  await expect(page.getByTestId("awaiting-review")).toContainText("正在审核");
  await expect(page.getByTestId("entry-form")).toHaveCount(0);
  await expect(page.getByTestId("timeline-entry").first()).toContainText("销号申请");
  const after = await itemDetail(page.request, item.id);
  expect(after.status).toBe("COMPLETION_CLAIMED");
});

for (const locale of ["zh-CN", "en"] as const) {
  test(`accessibility (${locale}): /ledger and /ledger/[id] have no serious or critical axe violations`, async ({
    page,
    baseURL,
  }) => {
    await setLocale(page, locale, baseURL);
    await signIn(page, "liaison-crrc");
    const items = await inProgressMainItems(page.request);

    await openLedger(page);
    await expect(page.getByTestId("ledger-row").first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await openItem(page, items[4]!.id);
    await expect(page.getByTestId("entry-form")).toBeVisible();
    await page.getByTestId("open-claim").click();
    await expect(page.getByTestId("claim-form")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // With validation messages showing.
    await page.getByTestId("entry-form").locator('input[type="number"]').fill("101");
    await page.getByTestId("submit-entry").click();
    await expect(page.getByTestId("entry-form").getByTestId("field-error").first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // Read-only, as a manager sees it.
    await signIn(page, "manager");
    await openItem(page, items[4]!.id);
    await expect(page.getByTestId("read-only-note")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
