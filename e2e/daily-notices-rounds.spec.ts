import { expect, test } from "@playwright/test";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { enterpriseByCode, unique, userPage } from "./helpers";

/*
 * Daily work (zh-CN): a notice concerns one enterprise group (items of CRRC and China Telecom
 * make two numbered notices, the form says so first), its title shows the number once, its
 * deadline reads the same on the page, in the notification and in the printable 督办单 (PDF);
 * after a round's window, units that never filed are 未报送, one click reminds them (once a day),
 * and the round list pages and shows the share filed.
 */

type Row = {
  id: string;
  programmeId: string;
  task: { code: string; titleZh: string };
  enterprise: { id: string; nameZh: string };
};

async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(""));
  }
  await doc.destroy();
  return pages.join("\n");
}

test("a notice per enterprise group, its number once, one deadline wording, the printable 督办单", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const reviewer = await userPage(browser, baseURL, "reviewer-central");
  const liaison = await userPage(browser, baseURL, "liaison-crrc");

  // A CRRC item the picker lists when searching for CRRC's name, and a China Telecom item of the
  // same programme.
  const crrc = await enterpriseByCode(reviewer, "CRRC");
  const telecom = await enterpriseByCode(reviewer, "TELECOM");
  const search = `/api/v1/ledger-items?limit=50&sort=dueDate&q=${encodeURIComponent(crrc.nameZh)}`;
  const crrcRows = ((await (await reviewer.request.get(search)).json()) as { items: Row[] }).items;
  const crrcItem = crrcRows[0]!;
  expect(crrcItem, "a CRRC item in the picker").toBeTruthy();
  const telecomRows = (
    (await (
      await reviewer.request.get(
        `/api/v1/ledger-items?enterpriseId=${telecom.id}&programmeId=${crrcItem.programmeId}&limit=5`,
      )
    ).json()) as { items: Row[] }
  ).items;
  const telecomItem = telecomRows[0]!;
  expect(telecomItem, "a China Telecom item of the same programme").toBeTruthy();

  await reviewer.goto(`/notices/new?itemId=${telecomItem.id}`);
  const form = reviewer.getByTestId("issue-notice-form");
  await expect(form).toHaveAttribute("data-hydrated", "true");
  await expect(form.getByTestId("notice-groups")).toHaveText("将发出 1 条督办。");
  await form.getByLabel("显示").selectOption("all");
  await form.getByLabel("搜索", { exact: true }).fill(crrc.nameZh);
  await form.getByLabel("搜索", { exact: true }).press("Enter");
  await form
    .locator(`[data-testid="notice-candidate"][data-item-id="${crrcItem.id}"]`)
    .getByRole("checkbox")
    .check();
  // Before sending, the form says how many notices it will create.
  const groups = form.getByTestId("notice-groups");
  await expect(groups).toHaveAttribute("data-count", "2");
  await expect(groups).toContainText("将发出 2 条督办，每个集团一条");
  await form.getByLabel("黄色督办").check();
  await form.getByLabel("督办要求").fill(unique("请说明滞后原因并报送整改计划"));
  await form.getByTestId("issue-notice-submit").click();

  await expect(reviewer).toHaveURL(/\/notices\?issued=/);
  await expect(reviewer.getByTestId("notices-issued")).toContainText("已发出 2 条督办");
  const ids = new URL(reviewer.url()).searchParams.get("issued")!.split(",");
  expect(ids).toHaveLength(2);
  for (const id of ids)
    await expect(
      reviewer.locator(`[data-testid="notice-row"][data-notice-id="${id}"]`),
    ).toBeVisible();

  // The CRRC notice (the second: the telecom item was chosen first): the title shows the number once.
  const crrcNoticeId = ids[1]!;
  await reviewer.goto(`/notices/${crrcNoticeId}`);
  const title = await reviewer.getByRole("heading", { level: 1 }).innerText();
  expect(title).toMatch(/^督办-\d{4}-\d{4}$/);
  const number = title;
  await expect(reviewer.getByTestId("notice-items")).toContainText(crrcItem.task.code);
  await expect(
    reviewer.getByTestId("notice-items").locator(`a[href="/ledger/${telecomItem.id}"]`),
  ).toHaveCount(0);
  const deadline = (await reviewer.getByTestId("notice-deadline").innerText()).trim();
  expect(deadline).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 24:00 前$/);

  // The printable notice: the number, the Chinese item title and the same deadline.
  const href = await reviewer.getByTestId("notice-pdf").getAttribute("href");
  const pdf = await reviewer.request.get(href!);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const text = await pdfText(await pdf.body());
  expect(text).toContain(number);
  expect(text).toContain(crrcItem.task.titleZh);
  expect(text).toContain(deadline);

  // The CRRC liaison's notification: the number once, the same deadline words.
  await liaison.goto("/notifications");
  const note = liaison
    .locator('[data-testid="notification"][data-kind="NOTICE_ISSUED"]')
    .filter({ hasText: number });
  await expect(note).toContainText(`回复期限：${deadline}`);
  expect((await note.innerText()).match(/督办/g)).toHaveLength(1);
  // The CRRC liaison never sees the China Telecom notice.
  expect((await liaison.request.get(`/api/v1/notices/${ids[0]}`)).status()).toBe(404);

  await Promise.all([reviewer.context().close(), liaison.context().close()]);
});

test("after the window: 未报送, 一键催报 once a day, the round list pages with the share filed", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const admin = await userPage(browser, baseURL, "admin");
  const liaison = await userPage(browser, baseURL, "liaison-crrc");
  const programmeId = (
    (await (await admin.request.get("/api/v1/ledger-items?limit=1")).json()) as { items: Row[] }
  ).items[0]!.programmeId;
  const open = (period: string, from: string, to: string) =>
    admin.request.post("/api/v1/rounds", {
      // A write with the session cookie names this site as its origin, as a browser does.
      headers: { origin: new URL(baseURL!).origin },
      data: { programmeId, period, windowOpensOn: from, windowClosesOn: to },
    });

  // A round whose window closed long ago: nobody filed. A period of its own on every run, so a
  // retry does not meet the round the first attempt opened.
  const year = 2001 + Math.floor(Math.random() * 20);
  const period = `${year}-03`;
  const closed = await open(period, `${year}-04-01`, `${year}-04-10`);
  expect(closed.status()).toBe(201);
  const roundId = ((await closed.json()) as { id: string }).id;
  await admin.goto(`/rounds/${roundId}`);
  const units = admin.getByTestId("filing-unit");
  await expect(units.first()).toBeVisible();
  await expect(admin.locator('[data-testid="filing-state"][data-state="pending"]')).toHaveCount(0);
  await expect(units.first().getByTestId("filing-state")).toHaveText("未报送");

  // One click reminds every late unit; a second click the same day sends nothing.
  const panel = admin.getByTestId("remind-panel");
  await expect(panel).toHaveAttribute("data-hydrated", "true");
  await panel.getByTestId("remind-late").click();
  await expect(panel.getByTestId("remind-message")).toContainText("发送催报通知和邮件");
  await panel.getByTestId("remind-late").click();
  await expect(panel.getByTestId("remind-message")).toHaveText(
    /^今天已于 \d{1,2}:\d{2} 催报，未重复发送。$/,
  );
  await liaison.goto("/notifications");
  await expect(
    liaison
      .locator('[data-testid="notification"][data-kind="ROUND_LATE"]')
      .filter({ hasText: period })
      .first(),
  ).toBeVisible();

  // The newest page: 20 rounds (the demo data has more), each with its share; older pages
  // through the keyset link, down to the closed round: nobody filed, 0 of its units, 0%.
  await admin.goto("/rounds");
  await expect(admin.getByTestId("round-row")).toHaveCount(20);
  await expect(admin.getByTestId("round-share").first()).toContainText(/\d+ \/ \d+ 个单位/);
  await expect(admin.getByTestId("round-share").first()).toContainText("%");
  const row = admin.locator(`[data-testid="round-row"][data-round-id="${roundId}"]`);
  for (let page = 0; page < 15 && !(await row.count()); page++) {
    const next = admin.getByTestId("rounds-next-page");
    const href = await next.getAttribute("href");
    expect(href, "an older page of rounds").toBeTruthy();
    await next.click();
    // Wait for that page itself: the previous one also had a cursor in its address.
    await admin.waitForURL((url) => url.search === new URL(href!, url).search);
    await expect(admin.getByTestId("rounds-first-page")).toBeVisible();
  }
  await expect(row.getByTestId("round-share")).toContainText(/^0 \/ [1-9]\d* 个单位/);
  await expect(row.getByTestId("round-share")).toContainText("0%");

  await Promise.all([admin.context().close(), liaison.context().close()]);
});
