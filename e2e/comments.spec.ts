import { expect, test } from "@playwright/test";
import { unique, userPage } from "./helpers";
import { inProgressMainItems, openItem } from "./fixtures/ledger";

/*
 * Comments on a ledger item (issue "daily work", point 6): an @mention notifies a user whose scope
 * covers the item and shows in the timeline; a user who cannot see the item cannot be mentioned.
 * Comments are append-only and change nothing else, so any item of the liaison will do.
 */
test.describe.configure({ timeout: 90_000 });

test("a comment with an @mention shows in the timeline and in the mentioned user's notifications", async ({
  browser,
  baseURL,
}) => {
  const liaison = await userPage(browser, baseURL, "liaison-crrc");
  const reviewer = await userPage(browser, baseURL, "reviewer-central");
  const [item] = await inProgressMainItems(liaison.request);
  await openItem(liaison, item!.id);

  const form = liaison.getByTestId("comment-form");
  const text = unique("e2e 评论：请补充验收材料");
  await form.getByLabel("评论内容").fill(text);
  const picker = form.getByRole("combobox", { name: "提及用户" });
  await picker.fill("刘卫东");
  await liaison.getByRole("option", { name: /刘卫东/ }).click();
  await expect(form.getByTestId("mention-list")).toContainText("@刘卫东（国务院国资委）");
  await expect(form.getByLabel("评论内容")).toHaveValue(/@刘卫东（国务院国资委）/);
  await form.getByTestId("submit-comment").click();
  await expect(form.getByTestId("comment-status")).toHaveText("评论已发表。");

  const comment = liaison.getByTestId("timeline-comment").filter({ hasText: text });
  await expect(comment).toBeVisible();
  await expect(comment.getByTestId("comment-mentions")).toContainText("@刘卫东（国务院国资委）");
  // Newest first, interleaved with the entries: the new comment leads the timeline.
  await expect(liaison.getByTestId("timeline").locator("> li").first()).toHaveAttribute(
    "data-testid",
    "timeline-comment",
  );

  await reviewer.goto("/notifications");
  const note = reviewer
    .locator('[data-testid="notification"][data-kind="COMMENT_MENTION"]')
    .filter({ hasText: item!.task.titleZh })
    .first();
  await expect(note).toContainText("李铁军（中国中车改革办） 在「");
  await expect(note).toContainText("的评论中提到了您");

  // The item's comments through the API, as the reviewer (in scope) sees them.
  const listed = await reviewer.request.get(`/api/v1/ledger-items/${item!.id}/comments`);
  expect(listed.ok()).toBeTruthy();
  const { items } = (await listed.json()) as { items: { body: string }[] };
  expect(items.some((c) => c.body.startsWith(text))).toBe(true);
});

test("a user who cannot see the item cannot be mentioned: not offered, and refused with a field message", async ({
  browser,
  baseURL,
}) => {
  const liaison = await userPage(browser, baseURL, "liaison-crrc");
  const telecom = await userPage(browser, baseURL, "liaison-telecom");
  const [item] = await inProgressMainItems(liaison.request);

  // The picker's source does not list the China Telecom liaison for a CRRC item.
  const offered = await liaison.request.get(
    `/api/v1/ledger-items/${item!.id}/mentionable?q=${encodeURIComponent("周云")}`,
  );
  expect(offered.ok()).toBeTruthy();
  expect(((await offered.json()) as { items: unknown[] }).items).toEqual([]);

  // Named anyway (an old id, another client): 422 on `mentions`, nothing written.
  const me = (await (await telecom.request.get("/api/v1/me")).json()) as { id: string };
  const before = await liaison.request.get(`/api/v1/ledger-items/${item!.id}/comments`);
  const count = ((await before.json()) as { items: unknown[] }).items.length;
  const refused = await liaison.request.post(`/api/v1/ledger-items/${item!.id}/comments`, {
    data: { body: unique("e2e 越权提及"), mentions: [me.id] },
    // A write with the session cookie names this site as its origin, as a browser does.
    headers: { "accept-language": "zh-CN", origin: new URL(baseURL!).origin },
  });
  expect(refused.status()).toBe(422);
  const error = (await refused.json()) as { error: { fields: Record<string, string> } };
  expect(error.error.fields.mentions).toBe("该用户无权查看此事项，不能提及。");
  const after = await liaison.request.get(`/api/v1/ledger-items/${item!.id}/comments`);
  expect(((await after.json()) as { items: unknown[] }).items.length).toBe(count);

  // And the item itself is invisible to that user: its comments are a 404.
  const hidden = await telecom.request.get(`/api/v1/ledger-items/${item!.id}/comments`);
  expect(hidden.status()).toBe(404);
});
