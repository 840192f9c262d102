import { expect, test, type Page } from "@playwright/test";
import { claimCompletion, openQueue, scopeRoots, unique, userPage } from "./helpers";

/*
 * One invalidation refreshes every view of the data: a reviewer looks an item up in the notice
 * form, approves its completion claim in the review queue, and comes back to the notice form
 * without reloading the page: the form's item list shows the item completed. (The list once had
 * a query key of its own that the review's invalidation missed, so it kept the stale row.)
 *
 * China Telecom's items: the CRRC specs measure CRRC's completion figure, which this approval
 * would move; the notices spec takes the last of Telecom's items in progress, this one the third
 * to last.
 */

type ItemRow = { id: string; enterprise: { id: string; nameZh: string } };

/** The notice form's candidate list, showing every item that matches `q`. */
async function findCandidate(page: Page, q: string, itemId: string) {
  await expect(page.getByTestId("issue-notice-form")).toHaveAttribute("data-hydrated", "true");
  await page.getByLabel("显示").selectOption("all");
  await page.getByLabel("搜索").fill(q);
  await page.getByLabel("搜索").press("Enter");
  return page.locator(`[data-testid="notice-candidate"][data-item-id="${itemId}"]`);
}

test("after a claim is approved in the queue, the notice form lists the item as completed without a reload", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const liaison = await userPage(browser, baseURL, "liaison-telecom");
  const reviewer = await userPage(browser, baseURL, "reviewer-central");

  const list = await liaison.request.get(
    "/api/v1/ledger-items?status=IN_PROGRESS&mainOnly=true&sort=dueDate&limit=200",
  );
  expect(list.ok()).toBeTruthy();
  const items = ((await list.json()) as { items: ItemRow[] }).items;
  expect(
    items.length,
    "liaison-telecom has at least 3 main items in progress",
  ).toBeGreaterThanOrEqual(3);
  const item = items.at(-3)!;
  const telecom = (await scopeRoots(liaison)).find((e) => e.code === "TELECOM");
  expect(telecom, "TELECOM is liaison-telecom's group").toBeTruthy();
  await claimCompletion(liaison, item.id, unique("e2e 销号申请：工作已全部完成，附验收材料"));

  // The reviewer starts at the queue (a full load), then moves only by links and history.
  await openQueue(reviewer, `?kind=COMPLETION_CLAIM&enterpriseId=${telecom!.id}`);
  const started = await reviewer.evaluate(() => performance.timeOrigin);
  await reviewer
    .getByRole("navigation", { name: "主导航" })
    .getByRole("link", { name: "督办" })
    .click();
  await reviewer.getByTestId("issue-notice-link").click();
  await expect(reviewer).toHaveURL(/\/notices\/new$/);
  let candidate = await findCandidate(reviewer, item.enterprise.nameZh, item.id);
  await expect(candidate.getByTestId("colour")).not.toHaveAttribute("data-colour", "done");

  // Back to the queue: approve the claim there.
  await reviewer.goBack();
  await reviewer.goBack();
  await expect(reviewer).toHaveURL(/\/review\?/);
  const row = reviewer.locator(`[data-testid="review-row"][data-item-id="${item.id}"]`);
  await row.getByTestId("approve").click();
  await expect(reviewer.getByTestId("review-done")).toContainText("已审核通过");

  // Forward to the notice form: the same list, refreshed.
  await reviewer.goForward();
  await reviewer.goForward();
  await expect(reviewer).toHaveURL(/\/notices\/new$/);
  candidate = await findCandidate(reviewer, item.enterprise.nameZh, item.id);
  await expect(candidate.getByTestId("colour")).toHaveAttribute("data-colour", "done");
  // Nothing was reloaded: the document is the one the queue was first loaded in.
  expect(await reviewer.evaluate(() => performance.timeOrigin)).toBe(started);
});
