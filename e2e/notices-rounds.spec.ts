import { expect, test, type Locator, type Page } from "@playwright/test";
import { addDays, chinaDay as todayInChina, isoDay } from "@/lib/time";
import {
  scopeRoots,
  seriousViolations,
  setLocale,
  signIn,
  unique,
  userPage,
  type DemoUser,
} from "./helpers";

/*
 * Supervision notices and reporting rounds (issue #4): reviewer-central issues a notice on a
 * China Telecom item, liaison-telecom sees it (bell and page) and replies, the reviewer closes it;
 * an administrator opens a round and liaison-telecom files for it with "no change" items; and
 * the pages of the issue pass axe in both languages. China Telecom only: the ledger specs work
 * on CRRC items.
 */

type ItemRow = { id: string; task: { code: string }; enterprise: { id: string; code: string } };

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** A day in China time as YYYY-MM-DD, `days` from today. */
const chinaDay = (days = 0) => isoDay(addDays(todayInChina(), days));

/**
 * Types an ISO day into a date picker (components/ui/date-picker) as a user does: focus its first
 * segment and type the digits, in the order the locale shows the segments; each full segment moves
 * on to the next. The picker's hidden input then holds the day.
 */
async function typeDay(picker: Locator, iso: string) {
  const [year, month, day] = iso.split("-") as [string, string, string];
  const parts: Record<string, string> = { year, month, day };
  const segments = picker.locator('[role="spinbutton"]');
  const order = await segments.evaluateAll((all) => all.map((el) => el.getAttribute("data-type")));
  await segments.first().focus();
  await picker.page().keyboard.type(order.map((type) => parts[type ?? ""] ?? "").join(""));
  await expect(pickedDay(picker)).toHaveValue(iso);
}

/** The day a date picker holds, as the hidden input it submits ("" for none). */
const pickedDay = (picker: Locator) => picker.locator('input[type="hidden"]');

test("a supervision notice: issued by the reviewer, seen and answered by the liaison, closed by the reviewer", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const reviewer = await userPage(browser, baseURL, "reviewer-central");
  const liaison = await userPage(browser, baseURL, "liaison-telecom");

  // A China Telecom item: an overdue one if there is any, else the last main item in progress.
  const telecom = (await scopeRoots(liaison)).find((e) => e.code === "TELECOM");
  expect(telecom, "TELECOM is liaison-telecom's group").toBeTruthy();
  const overdue = await reviewer.request.get(
    `/api/v1/ledger-items?overdue=true&enterpriseId=${telecom!.id}&sort=dueDate&limit=200`,
  );
  let items = ((await overdue.json()) as { items: ItemRow[] }).items;
  if (!items.length) {
    const open = await reviewer.request.get(
      `/api/v1/ledger-items?status=IN_PROGRESS&mainOnly=true&enterpriseId=${telecom!.id}&sort=dueDate&limit=200`,
    );
    items = ((await open.json()) as { items: ItemRow[] }).items;
  }
  const item = items.at(-1)!;
  expect(item, "a China Telecom item to chase").toBeTruthy();

  // The issue form, reached from the item's page (reviewers only), with the item chosen.
  await reviewer.goto(`/ledger/${item.id}`);
  await reviewer.getByTestId("issue-notice-link").click();
  await expect(reviewer).toHaveURL(new RegExp(`/notices/new\\?itemId=${item.id}`));
  await liaison.goto(`/ledger/${item.id}`);
  await expect(liaison.locator("main")).toBeVisible();
  await expect(liaison.getByTestId("issue-notice-link")).toHaveCount(0);
  const form = reviewer.getByTestId("issue-notice-form");
  await expect(form).toHaveAttribute("data-hydrated", "true");
  await expect(
    form.locator(`[data-testid="selected-item"][data-item-id="${item.id}"]`),
  ).toContainText(item.task.code);
  // Nothing required is filled in: the field says so in Chinese.
  await form.getByTestId("issue-notice-submit").click();
  await expect(form.getByTestId("field-error")).toHaveText(["此项为必填项。"]);
  await form.getByLabel("红色督办").check();
  const action = unique("请于期限前报送滞后原因分析和整改计划");
  await form.getByLabel("督办要求").fill(action);
  // The reply deadline defaults to two weeks from today (China time).
  await expect(pickedDay(form.getByTestId("notice-responseDueOn"))).toHaveValue(chinaDay(14));
  await form.getByTestId("issue-notice-submit").click();
  await expect(reviewer).toHaveURL(/\/notices\/[0-9a-f-]{36}\?issued=1$/);
  const noticeId = reviewer.url().match(/\/notices\/([0-9a-f-]{36})/)![1]!;
  await expect(reviewer.getByTestId("notice-done")).toBeVisible();
  await expect(reviewer.getByTestId("notice-level")).toHaveAttribute("data-level", "RED");
  await expect(reviewer.getByTestId("notice-status")).toHaveAttribute("data-status", "OPEN");
  await expect(reviewer.getByTestId("notice-items")).toContainText(item.task.code);
  const number = (await reviewer.getByRole("heading", { level: 1 }).innerText()).match(
    /督办-\d{4}-\d{4}/,
  )![0];

  // It is on the list, with its level.
  await reviewer.goto("/notices");
  await expect(
    reviewer
      .locator(`[data-testid="notice-row"][data-notice-id="${noticeId}"]`)
      .getByTestId("notice-level"),
  ).toHaveAttribute("data-level", "RED");

  // The liaison: the bell counts it, its dropdown leads to the notice.
  await liaison.goto("/notices");
  await expect(
    liaison.locator(`[data-testid="notice-row"][data-notice-id="${noticeId}"]`),
  ).toBeVisible();
  const bell = liaison.getByTestId("notification-bell");
  await expect(bell).toHaveAttribute("data-hydrated", "true");
  await expect(bell.getByTestId("notification-count")).toHaveText(/^([1-9]\d*|99\+)$/);
  await bell.getByTestId("notification-bell-button").click();
  const entry = bell.getByTestId("bell-item").filter({ hasText: number });
  await expect(entry).toBeVisible();
  await entry.getByRole("link").click();
  await expect(liaison).toHaveURL(new RegExp(`/notices/${noticeId}$`));

  // The liaison replies; there is no close or escalate for them.
  await expect(liaison.getByTestId("notice-page")).toBeVisible();
  await expect(liaison.getByTestId("notice-action")).toHaveText(action);
  await expect(liaison.getByTestId("decide-form")).toHaveCount(0);
  await liaison.getByTestId("reply-submit").click();
  await expect(liaison.getByTestId("reply-form").getByTestId("field-error")).toHaveText(
    "此项为必填项。",
  );
  const reply = unique("已成立专项工作组，整改计划见附件，预计下月完成");
  await liaison.getByLabel("回复内容").fill(reply);
  await liaison.getByTestId("reply-submit").click();
  await expect(liaison.getByTestId("notice-reply").filter({ hasText: reply })).toBeVisible();
  await expect(liaison.getByTestId("notice-status")).toHaveAttribute("data-status", "REPLIED");

  // The reviewer sees the reply and closes the notice.
  await reviewer.goto(`/notices/${noticeId}`);
  await expect(reviewer.getByTestId("notice-reply").filter({ hasText: reply })).toBeVisible();
  await reviewer.getByTestId("notice-close").click();
  // Closing tells the enterprise: it is asked first.
  const closeDialog = reviewer.getByTestId("notice-decide-dialog");
  await expect(closeDialog).toContainText(number);
  await closeDialog.getByTestId("notice-decide-dialog-confirm").click();
  await expect(reviewer.getByTestId("notice-status")).toHaveAttribute("data-status", "CLOSED");
  await expect(reviewer.getByTestId("decide-form")).toHaveCount(0);

  // The liaison is told, and can no longer reply.
  await liaison.goto("/notifications");
  await expect(
    liaison
      .locator('[data-testid="notification"][data-kind="NOTICE_CLOSED"]')
      .filter({ hasText: number }),
  ).toBeVisible();
  await liaison.goto(`/notices/${noticeId}`);
  await expect(liaison.getByTestId("notice-status")).toHaveAttribute("data-status", "CLOSED");
  await expect(liaison.getByTestId("reply-form")).toHaveCount(0);

  await Promise.all([reviewer.context().close(), liaison.context().close()]);
});

test("a reporting round: the administrator opens it (field errors first), a liaison files with no-change items", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const admin = await userPage(browser, baseURL, "admin");
  const liaison = await userPage(browser, baseURL, "liaison-telecom");

  // A period nobody has opened yet: the month after the newest round.
  const rounds = (
    (await (await admin.request.get("/api/v1/rounds")).json()) as { items: { period: string }[] }
  ).items;
  const months = rounds
    .map((r) => r.period)
    .filter((p) => /^\d{4}-\d{2}$/.test(p))
    .sort();
  const [y, m] = (months.at(-1) ?? "2026-10").split("-").map(Number) as [number, number];
  const period = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  // The window opens today and closes on the 10th of the month after the period.
  const [py, pm] = period.split("-").map(Number) as [number, number];
  const closesOn = pm === 12 ? `${py + 1}-01-10` : `${py}-${String(pm + 1).padStart(2, "0")}-10`;

  await admin.goto("/rounds");
  const form = admin.getByTestId("open-round-form");
  await expect(form).toHaveAttribute("data-hydrated", "true");
  await form.getByLabel("报告期").fill("2026-13");
  const closesOnPicker = form.getByTestId("round-windowClosesOn");
  await typeDay(form.getByTestId("round-windowOpensOn"), chinaDay(0));
  await typeDay(closesOnPicker, chinaDay(-1));
  await form.getByTestId("open-round-submit").click();
  // Nothing is asked while the form has errors; each error is at its field.
  await expect(form.getByTestId("field-error")).toHaveText([
    "报告期格式应为 2024-05（月）或 2024-Q2（季度）。",
  ]);
  await expect(closesOnPicker).toContainText("截止日期不能早于开始日期。");
  await expect(closesOnPicker.getByRole("group")).toHaveAttribute("data-invalid", "true");
  await expect(admin.getByTestId("open-round-dialog")).toHaveCount(0);
  await form.getByLabel("报告期").fill(period);
  await typeDay(closesOnPicker, closesOn);
  await form.getByTestId("open-round-submit").click();
  // Opening tells the liaisons: the administrator confirms the period and the window first.
  const confirm = admin.getByTestId("open-round-dialog");
  await expect(confirm).toContainText(period);
  await confirm.getByTestId("open-round-dialog-confirm").click();
  await expect(admin.getByTestId("round-opened")).toContainText(period);
  const row = admin.locator(`[data-testid="round-row"][data-period="${period}"]`);
  await expect(row.getByTestId("round-status")).toHaveText("填报中");
  const roundId = await row.getAttribute("data-round-id");

  // The liaison files one unit: the items without an entry are listed, ticked "no change", filed.
  await liaison.goto(`/rounds/${roundId}`);
  const panel = liaison.getByTestId("filing-panel");
  await expect(panel).toHaveAttribute("data-hydrated", "true");
  const enterpriseId = await panel.getByTestId("filing-enterprise").inputValue();
  await panel.getByTestId("filing-check").click();
  // A unit whose open items all have entries for the period files at once; the others list them.
  await expect(
    panel.getByTestId("missing-item").first().or(panel.getByTestId("filing-done")),
  ).toBeVisible();
  if (await panel.getByTestId("missing-item").count()) {
    await panel.getByTestId("filing-submit").click();
    await expect(panel.getByTestId("filing-message")).toContainText("未填报本期进展");
    await panel.getByTestId("tick-all").click();
    await panel.getByTestId("filing-submit").click();
  }
  await expect(panel.getByTestId("filing-done")).toBeVisible();
  const unit = liaison.locator(`[data-testid="filing-unit"][data-enterprise-id="${enterpriseId}"]`);
  await expect(unit).toHaveAttribute("data-filed", "true");
  await expect(unit).toContainText("按时");
  await expect(liaison.getByTestId("supervisor-share").first()).toBeVisible();

  await Promise.all([admin.context().close(), liaison.context().close()]);
});

for (const locale of ["zh-CN", "en"] as const) {
  test(`accessibility (${locale}): review, rounds, notices and notifications have no serious axe violations`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const check = async (user: DemoUser, path: string, ready: (page: Page) => Promise<void>) => {
      const context = await browser.newContext({
        baseURL,
        locale: "zh-CN",
        timezoneId: "Asia/Shanghai",
      });
      const page = await context.newPage();
      await setLocale(page, locale, baseURL);
      await signIn(page, user);
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await ready(page);
      expect(await seriousViolations(page, WCAG), `${path} as ${user}`).toEqual([]);
      return { page, context };
    };
    const hydrated = (testId: string) => async (page: Page) => {
      await expect(page.getByTestId(testId)).toHaveAttribute("data-hydrated", "true");
    };

    const review = await check("reviewer-central", "/review", hydrated("review-queue"));
    // With a return form open, too.
    if (await review.page.getByTestId("return").count()) {
      await review.page.getByTestId("return").first().click();
      await review.page.getByTestId("return-submit").click();
      await expect(review.page.getByTestId("field-error")).toBeVisible();
      expect(await seriousViolations(review.page, WCAG), "/review with a return form").toEqual([]);
    }
    await review.context.close();

    const rounds = await check("admin", "/rounds", hydrated("open-round-form"));
    const roundHref = await rounds.page
      .getByTestId("round-row")
      .first()
      .getByRole("link")
      .getAttribute("href");
    await rounds.context.close();
    await (await check("liaison-telecom", roundHref!, hydrated("filing-panel"))).context.close();
    await (
      await check("reviewer-central", roundHref!, async (page) =>
        expect(page.getByTestId("supervisor-shares")).toBeVisible(),
      )
    ).context.close();

    const notices = await check("reviewer-central", "/notices", async (page) =>
      expect(page.getByTestId("notices-table")).toBeVisible(),
    );
    const noticeHref = await notices.page
      .getByTestId("notice-row")
      .first()
      .getByRole("link")
      .first()
      .getAttribute("href");
    await notices.context.close();
    await (
      await check("reviewer-central", noticeHref!, async (page) =>
        expect(page.getByTestId("notice-page")).toBeVisible(),
      )
    ).context.close();
    await (
      await check("reviewer-central", "/notices/new", hydrated("issue-notice-form"))
    ).context.close();

    const notifications = await check(
      "liaison-crrc",
      "/notifications",
      hydrated("notifications-list"),
    );
    // The bell's dropdown, open.
    const bell = notifications.page.getByTestId("notification-bell");
    await expect(bell).toHaveAttribute("data-hydrated", "true");
    await bell.getByTestId("notification-bell-button").click();
    await expect(bell.getByTestId("notification-panel")).toBeVisible();
    expect(
      await seriousViolations(notifications.page, WCAG),
      "/notifications with the bell open",
    ).toEqual([]);
    await notifications.context.close();
  });
}
