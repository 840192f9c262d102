import { expect, test, type Page } from "@playwright/test";
import { claimCompletion, openQueue, scopeRoots, unique, userPage } from "./helpers";
import { attachPdf, itemDetail, openItem } from "./fixtures/ledger";

/*
 * Review with context (issue "daily work, review"): indicator values checked against baseline,
 * target and the previous value, with a confirmation before an implausible one is sent; a claim
 * that misses a target needs a justification; the reviewer's card compares, quotes the
 * justification and previews the evidence; batch approval; the waiting count on the home page.
 *
 * Items: SDIC (liaison-sdic) and CEC (liaison-cec) only, groups no other spec writes to (the CRRC
 * specs measure CRRC's completion figure, the Telecom specs take Telecom items). Of SDIC's main
 * items in progress (due-date order): the first with an indicator for (a), the second for (b);
 * the first two without indicators for (d). CEC's first item with an indicator for (c).
 */
test.describe.configure({ timeout: 120_000 });

type ItemRow = { id: string; enterprise: { id: string; code: string } };
type Indicator = {
  id: string;
  code: string;
  nameZh: string;
  unit: string;
  direction: "INCREASE" | "DECREASE";
  baseline: number | null;
  target: number | null;
  actuals: { value: number; period: string }[];
};
type Detail = Omit<Awaited<ReturnType<typeof itemDetail>>, "indicators" | "entries"> & {
  indicators: Indicator[];
  entries: {
    id: string;
    narrative: string;
    period: string;
    percentDone: number;
    reviewState: string;
    justification: string | null;
    indicatorValues: { indicatorId: string; value: number }[];
  }[];
};

/** The user's main items in progress, by due date, each with its detail (indicators, entries). */
async function mainItemsInProgress(page: Page): Promise<Detail[]> {
  const response = await page.request.get(
    "/api/v1/ledger-items?status=IN_PROGRESS&mainOnly=true&sort=dueDate&limit=200",
  );
  expect(response.ok()).toBeTruthy();
  const items = ((await response.json()) as { items: ItemRow[] }).items;
  return Promise.all(
    items.map(async (i) => (await itemDetail(page.request, i.id)) as unknown as Detail),
  );
}

/** An indicator with a baseline, a target and a value reported before. */
const comparable = (d: Detail) =>
  d.indicators.find((i) => i.baseline !== null && i.target !== null && i.actuals.length > 0);

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The row of an entry in the open queue, loading further pages until it shows. */
async function queueRow(page: Page, selector: string) {
  const row = page.locator(selector);
  const more = page.getByRole("button", { name: /加载更多/ });
  while ((await row.count()) === 0 && (await more.isVisible())) {
    const before = await page.getByTestId("review-row").count();
    await more.click();
    await expect(page.getByTestId("review-row")).not.toHaveCount(before);
  }
  await expect(row).toHaveCount(1);
  return row;
}

test("(a) an implausible indicator value asks for confirmation with the reason; cancel keeps the form, confirm records it", async ({
  browser,
  baseURL,
}) => {
  const liaison = await userPage(browser, baseURL, "liaison-sdic");
  const item = (await mainItemsInProgress(liaison)).filter(comparable)[0];
  expect(item, "an SDIC item with an indicator").toBeTruthy();
  const indicator = comparable(item!)!;
  const previous = indicator.actuals.at(-1)!.value;
  // A rate a tenth of its baseline (a typing slip), else a jump of ten planned distances.
  const odd =
    indicator.unit === "PERCENT" && indicator.baseline! > 0
      ? round1(indicator.baseline! / 10)
      : round1(previous + 10 * Math.abs(indicator.target! - indicator.baseline!));
  let posted = 0;
  liaison.on("request", (r) => {
    if (r.method() === "POST" && r.url().endsWith(`/api/v1/ledger-items/${item!.id}/entries`))
      posted += 1;
  });

  await openItem(liaison, item!.id);
  const form = liaison.getByTestId("entry-form");
  const narrative = unique("e2e 进展：指标口径调整后重新统计");
  await form.getByLabel("进展情况").fill(narrative);
  const input = form.locator(
    `[data-testid="indicator-input"][data-indicator-code="${indicator.code}"]`,
  );
  await input.fill(String(odd));
  // Warned beside the input as it is typed ...
  await expect(form.getByTestId("indicator-warning")).toContainText("可能填错");
  await form.getByTestId("submit-entry").click();

  // ... and asked about before sending, with the reason named by its indicator.
  const dialog = liaison.getByTestId("indicator-confirm");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("请确认指标数值");
  const reasons = dialog.getByTestId("indicator-confirm-reasons");
  await expect(reasons).toContainText(indicator.nameZh);
  await expect(reasons).toContainText("可能填错");

  // Cancel: nothing sent, the draft as typed.
  await dialog.getByRole("button", { name: "取消" }).click();
  await expect(dialog).toHaveCount(0);
  expect(posted).toBe(0);
  await expect(form.getByLabel("进展情况")).toHaveValue(narrative);
  await expect(input).toHaveValue(String(odd));

  // Confirm: recorded, the value with it.
  await form.getByTestId("submit-entry").click();
  await dialog.getByTestId("indicator-confirm-confirm").click();
  await expect(form.getByTestId("form-saved")).toContainText("已保存");
  expect(posted).toBe(1);
  const entry = liaison.getByTestId("timeline-entry").first();
  await expect(entry.getByTestId("entry-narrative")).toHaveText(narrative);
  await expect(entry.getByTestId("entry-indicators")).toContainText(String(odd));
  const after = (await itemDetail(liaison.request, item!.id)) as unknown as Detail;
  expect(after.entries[0]!.narrative).toBe(narrative);
  expect(after.entries[0]!.indicatorValues).toEqual([{ indicatorId: indicator.id, value: odd }]);

  await liaison.context().close();
});

test("(b) a claim on an item whose target is unmet needs a justification, then goes through", async ({
  browser,
  baseURL,
}) => {
  const liaison = await userPage(browser, baseURL, "liaison-sdic");
  const item = (await mainItemsInProgress(liaison)).filter(comparable)[1];
  expect(item, "a second SDIC item with an indicator").toBeTruthy();
  const indicator = comparable(item!)!;
  const previous = indicator.actuals.at(-1)!.value;
  // Half way from the last value to the target: closer, still short of it.
  const value = round1((previous + indicator.target!) / 2);
  expect(value, "a value that still misses the target").not.toBe(indicator.target);
  let posted = 0;
  liaison.on("request", (r) => {
    if (
      r.method() === "POST" &&
      r.url().endsWith(`/api/v1/ledger-items/${item!.id}/completion-claims`)
    )
      posted += 1;
  });

  await openItem(liaison, item!.id);
  await liaison.getByTestId("open-claim").click();
  const form = liaison.getByTestId("claim-form");
  await form.getByTestId("narrative").fill(unique("e2e 销号申请：各项改革工作已完成"));
  await form
    .locator(`[data-testid="indicator-input"][data-indicator-code="${indicator.code}"]`)
    .fill(String(value));
  await expect(form.getByTestId("indicator-standing")).toHaveAttribute("data-standing", "notMet");
  await expect(form.getByTestId("indicator-standing")).toHaveText("未达标");
  await attachPdf(liaison, form);

  // Without the justification: the field's message in Chinese, nothing sent.
  await form.getByTestId("submit-claim").click();
  const field = form.getByTestId("justification-field");
  await expect(field.getByTestId("field-error")).toHaveText(
    "有指标未达到目标，请填写不少于 20 字的说明。",
  );
  await expect(form.getByTestId("justification")).toHaveAttribute("aria-invalid", "true");
  expect(posted).toBe(0);

  const justification = unique(
    "e2e 未达标说明：受行业政策调整影响，指标略低于目标，工作已全部完成",
  );
  await form.getByTestId("justification").fill(justification);
  await form.getByTestId("submit-claim").click();
  await expect(liaison.getByTestId("awaiting-review")).toBeVisible();
  const after = (await itemDetail(liaison.request, item!.id)) as unknown as Detail;
  expect(after.status).toBe("COMPLETION_CLAIMED");
  expect(after.entries[0]!.justification).toBe(justification);

  await liaison.context().close();
});

test("(c) the reviewer's card compares the indicator with its target and the previous value, quotes the justification and previews the evidence", async ({
  browser,
  baseURL,
}) => {
  const liaison = await userPage(browser, baseURL, "liaison-cec");
  const reviewer = await userPage(browser, baseURL, "reviewer-central");
  const item = (await mainItemsInProgress(liaison)).filter(comparable)[0];
  expect(item, "a CEC item with an indicator").toBeTruthy();
  const indicator = comparable(item!)!;
  const previous = indicator.actuals.at(-1)!;
  const value = round1((previous.value + indicator.target!) / 2);
  const lastEntry = item!.entries.find((e) => e.reviewState !== "RETURNED")!;
  const cec = (await scopeRoots(liaison)).find((e) => e.code === "CEC");
  expect(cec, "CEC is liaison-cec's group").toBeTruthy();

  const justification = unique("e2e 未达标说明：部分子企业数据尚在审计，指标暂未达到目标值");
  await claimCompletion(liaison, item!.id, unique("e2e 销号申请：工作已完成，附验收材料"), {
    justification,
    indicatorValues: { [indicator.code]: String(value) },
  });

  await openQueue(reviewer, `?kind=COMPLETION_CLAIM&enterpriseId=${cec!.id}`);
  const row = await queueRow(reviewer, `[data-testid="review-row"][data-item-id="${item!.id}"]`);

  // The indicator: this claim's value, the target, the previous value (with its period), unmet.
  const ind = row.locator(`[data-testid="review-indicator"][data-code="${indicator.code}"]`);
  await expect(ind).toContainText(indicator.nameZh);
  await expect(ind.getByTestId("review-indicator-value")).toContainText(String(value));
  await expect(ind.locator("td").nth(1)).toContainText(String(indicator.target));
  await expect(ind.getByTestId("review-indicator-previous")).toContainText(String(previous.value));
  await expect(ind.getByTestId("review-indicator-previous")).toContainText(previous.period);
  await expect(ind.getByTestId("review-indicator-standing")).toHaveText("未达标");

  // Percent done against the previous entry: a claim counts as 100 %.
  await expect(row.getByTestId("review-percent-change")).toHaveText(
    `+${100 - lastEntry.percentDone} 个百分点（上次 ${lastEntry.period}：${lastEntry.percentDone}%）`,
  );
  await expect(row.getByTestId("review-justification")).toHaveText(justification);

  // The evidence, previewed inline: the frame loads the scoped ?inline=1 variant, with 200.
  const href = await row
    .getByTestId("review-evidence")
    .getByRole("link", { name: "evidence.pdf" })
    .getAttribute("href");
  expect(href).toMatch(/^\/api\/v1\/evidence\/[0-9a-f-]{36}$/);
  const src = `${href}?inline=1`;
  const preview = row.getByTestId("evidence-previews").locator(`[src="${src}"]`);
  await expect(preview).toHaveCount(1);
  expect(await preview.evaluate((e) => e.tagName)).toMatch(/^(IFRAME|IMG|OBJECT|EMBED)$/);
  const loaded = reviewer.waitForResponse((r) => r.url().endsWith(src));
  // Lazy: it loads once the card is in view (reloaded here so the response is seen).
  await reviewer.reload();
  await expect(reviewer.getByTestId("review-queue")).toHaveAttribute("data-hydrated", "true");
  await row.getByTestId("evidence-previews").scrollIntoViewIfNeeded();
  const response = await loaded;
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'self'");
  // The PDF viewer shows inside the frame (look at the screenshot when this changes).
  await reviewer.waitForTimeout(1_000);
  const shot = test.info().outputPath("review-card.png");
  await row.getByTestId("evidence-previews").screenshot({ path: shot });
  await test.info().attach("evidence preview", { path: shot, contentType: "image/png" });

  await Promise.all([liaison.context().close(), reviewer.context().close()]);
});

test("(d) batch approval: two entries, one confirmation, both leave the queue and both items show the approval", async ({
  browser,
  baseURL,
}) => {
  const liaison = await userPage(browser, baseURL, "liaison-sdic");
  const reviewer = await userPage(browser, baseURL, "reviewer-central");
  const items = (await mainItemsInProgress(liaison))
    .filter((d) => d.indicators.length === 0)
    .slice(0, 2);
  expect(items.length, "two SDIC items without indicators").toBe(2);
  const sdic = (await scopeRoots(liaison)).find((e) => e.code === "SDIC");
  expect(sdic, "SDIC is liaison-sdic's group").toBeTruthy();

  const entryIds: string[] = [];
  for (const item of items) {
    const narrative = unique("e2e 进展：本月完成制度修订");
    await openItem(liaison, item.id);
    const form = liaison.getByTestId("entry-form");
    await form.getByLabel("进展情况").fill(narrative);
    await form.getByLabel("完成进度（%）").fill(String(Math.min(item.percentDone + 1, 99)));
    await form.getByTestId("submit-entry").click();
    await expect(form.getByTestId("form-saved")).toContainText("已保存");
    const detail = (await itemDetail(liaison.request, item.id)) as unknown as Detail;
    expect(detail.entries[0]!.narrative).toBe(narrative);
    entryIds.push(detail.entries[0]!.id);
  }

  let decisionPosts = 0;
  reviewer.on("request", (r) => {
    if (r.method() === "POST" && r.url().endsWith("/api/v1/review-decisions")) decisionPosts += 1;
  });
  await openQueue(reviewer, `?kind=PROGRESS&enterpriseId=${sdic!.id}`);
  const rows = [];
  for (const id of entryIds) {
    const row = await queueRow(reviewer, `[data-testid="review-row"][data-entry-id="${id}"]`);
    await row.getByTestId("review-select").check();
    rows.push(row);
  }
  await expect(reviewer.getByTestId("approve-selected")).toHaveText("批量通过（2）");
  await reviewer.getByTestId("approve-selected").click();
  const dialog = reviewer.getByTestId("batch-confirm");
  await expect(dialog).toContainText("将通过所选 2 条记录");
  await dialog.getByTestId("batch-confirm-confirm").click();
  await expect(reviewer.getByTestId("review-done")).toHaveText(
    "已处理 2 条，0 条未处理（已被他人处理或无权处理）。",
  );
  for (const row of rows) await expect(row).toHaveCount(0);
  expect(decisionPosts).toBe(1);

  // Each item's timeline shows its entry approved, by the reviewer.
  for (const [index, item] of items.entries()) {
    await openItem(liaison, item.id);
    const entry = liaison.locator(
      `[data-testid="timeline-entry"][data-entry-id="${entryIds[index]}"]`,
    );
    await expect(entry.getByTestId("review-state")).toHaveText("已通过");
    await expect(entry.getByTestId("entry-reviews")).toContainText("通过");
  }

  await Promise.all([liaison.context().close(), reviewer.context().close()]);
});

test("(e) the reviewer's home shows as many waiting entries as the review queue holds", async ({
  browser,
  baseURL,
}) => {
  const reviewer = await userPage(browser, baseURL, "reviewer-central");
  const card = reviewer.getByTestId("review-waiting");
  // The other specs decide and submit meanwhile: compare one reading of each, until they agree.
  await expect(async () => {
    await reviewer.goto("/");
    const shown = Number(await card.getAttribute("data-count"));
    const response = await reviewer.request.get("/api/v1/review-queue?limit=1");
    expect(response.ok()).toBeTruthy();
    const { total } = (await response.json()) as { total: number };
    expect(total).toBeGreaterThan(0);
    expect(shown).toBe(total);
    await expect(card.getByRole("heading")).toHaveText(`${total} 条记录等待您审核`);
  }).toPass({ timeout: 30_000 });
  await card.getByRole("link", { name: "前往审核" }).click();
  await expect(reviewer).toHaveURL(/\/review$/);
  await expect(reviewer.getByTestId("review-queue")).toBeVisible();

  await reviewer.context().close();
});
