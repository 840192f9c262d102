import { expect, test, type Page } from "@playwright/test";
import { claimCompletion, openQueue, scopeRoots, unique, userPage } from "./helpers";

/*
 * The close-off cycle of issue #4, across three users: liaison-crrc claims completion with
 * evidence, reviewer-central returns it with a reason, the liaison reads the reason and claims
 * again, the reviewer approves, and CRRC's main-task completion rate rises by exactly one task.
 * reviewer-hunan never sees any of it.
 *
 * Items: the ledger specs use indexes 0-4 and the last of liaison-crrc's main items in progress;
 * this spec takes the second to last of the same list (limit 200), which none of them touches.
 */

type ItemRow = {
  id: string;
  status: string;
  task: { code: string };
  enterprise: { id: string; code: string };
};

/** The completed / total main-task figure of an enterprise's subtree, from its page. */
async function completionOf(
  page: Page,
  enterpriseId: string,
): Promise<{ completed: number; total: number }> {
  await page.goto(`/enterprises/${enterpriseId}`);
  const text = await page.getByTestId("completion-count").innerText();
  const [completed, total] = (text.match(/\d[\d,]*/g) ?? []).map((n) =>
    Number(n.replace(/,/g, "")),
  );
  expect(completed, `completion figure in "${text}"`).toBeGreaterThanOrEqual(0);
  expect(total, `completion figure in "${text}"`).toBeGreaterThan(0);
  return { completed: completed!, total: total! };
}

test("a completion claim is returned with a reason, claimed again and approved; CRRC's rate rises by one task", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const liaison = await userPage(browser, baseURL, "liaison-crrc");
  const reviewer = await userPage(browser, baseURL, "reviewer-central");
  const hunan = await userPage(browser, baseURL, "reviewer-hunan");

  const list = await liaison.request.get(
    "/api/v1/ledger-items?status=IN_PROGRESS&mainOnly=true&sort=dueDate&limit=200",
  );
  expect(list.ok()).toBeTruthy();
  const items = ((await list.json()) as { items: ItemRow[] }).items;
  expect(items.length, "liaison-crrc has at least 7 main items in progress").toBeGreaterThanOrEqual(
    7,
  );
  const item = items.at(-2)!;
  const crrc = (await scopeRoots(liaison)).find((e) => e.code === "CRRC");
  expect(crrc, "CRRC is liaison-crrc's group").toBeTruthy();
  const queueOfCrrc = `?kind=COMPLETION_CLAIM&enterpriseId=${crrc!.id}`;
  const before = await completionOf(reviewer, crrc!.id);

  // 1. The liaison claims completion with evidence.
  await claimCompletion(liaison, item.id, unique("e2e 销号申请：已完成全部工作，附会议纪要"));

  // 2. The reviewer finds it in the queue with its evidence, and returns it: a reason is required.
  await openQueue(reviewer, queueOfCrrc);
  let row = reviewer.locator(`[data-testid="review-row"][data-item-id="${item.id}"]`);
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("review-kind")).toHaveText("销号申请");
  await expect(row).toHaveAttribute("data-stage", "final");
  await expect(
    row.getByTestId("review-evidence").getByRole("link", { name: "evidence.pdf" }),
  ).toHaveAttribute("href", /^\/api\/v1\/evidence\/[0-9a-f-]{36}$/);
  await row.getByTestId("return").click();
  await row.getByTestId("return-submit").click();
  await expect(row.getByTestId("field-error")).toHaveText("退回时必须填写原因。");
  const reason = unique("请补充董事会决议原件");
  await row.getByLabel("退回理由").fill(reason);
  await row.getByTestId("return-submit").click();
  await expect(reviewer.getByTestId("review-done")).toContainText("已退回");
  await expect(row).toHaveCount(0);

  // 3. The liaison reads the reason in the notifications and on the item's timeline.
  await liaison.goto("/notifications");
  const returned = liaison.getByTestId("notification").filter({ hasText: reason });
  await expect(returned).toHaveCount(1);
  await expect(returned).toHaveAttribute("data-kind", "CLAIM_RETURNED");
  await expect(returned).toHaveAttribute("data-read", "false");
  await liaison.goto(`/ledger/${item.id}`);
  await expect(liaison.getByTestId("entry-reviews").filter({ hasText: reason })).toBeVisible();

  // 4. ... and claims again.
  await claimCompletion(liaison, item.id, unique("e2e 再次申请销号：已补充董事会决议原件"));

  // reviewer-hunan sees nothing of CRRC, neither on /review nor through the API.
  const crrcIds = new Set(
    (
      (await (await liaison.request.get("/api/v1/enterprises?limit=200")).json()) as {
        items: { id: string }[];
      }
    ).items.map((e) => e.id),
  );
  expect(crrcIds.has(item.enterprise.id)).toBe(true);
  const hunanQueue = await hunan.request.get("/api/v1/review-queue?limit=200");
  expect(hunanQueue.ok()).toBeTruthy();
  const hunanItems = (
    (await hunanQueue.json()) as { items: { item: { id: string; enterprise: { id: string } } }[] }
  ).items;
  expect(hunanItems.filter((i) => crrcIds.has(i.item.enterprise.id))).toEqual([]);
  await openQueue(hunan, "");
  const hunanRows = await hunan
    .getByTestId("review-row")
    .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.enterpriseId ?? ""));
  expect(hunanRows.filter((id) => crrcIds.has(id))).toEqual([]);
  await expect(hunan.getByTestId("review-list").getByText("中车")).toHaveCount(0);

  // 5. Two tabs of the reviewer show the claim; one approves, the other learns it was decided.
  await openQueue(reviewer, queueOfCrrc);
  const other = await reviewer.context().newPage();
  await openQueue(other, queueOfCrrc);
  row = reviewer.locator(`[data-testid="review-row"][data-item-id="${item.id}"]`);
  const staleRow = other.locator(`[data-testid="review-row"][data-item-id="${item.id}"]`);
  await expect(row).toHaveCount(1);
  await expect(staleRow).toHaveCount(1);
  await row.getByTestId("approve").click();
  await expect(reviewer.getByTestId("review-done")).toContainText("已审核通过");
  await expect(row).toHaveCount(0);
  await staleRow.getByTestId("approve").click();
  await expect(other.getByTestId("review-error")).toContainText("已由其他人员审核");
  await expect(staleRow).toHaveCount(0);
  await other.close();

  // 6. The item is completed and CRRC's completion rises by exactly one task.
  const detail = await liaison.request.get(`/api/v1/ledger-items/${item.id}`);
  expect(((await detail.json()) as { status: string }).status).toBe("COMPLETED");
  const after = await completionOf(reviewer, crrc!.id);
  expect(after.total).toBe(before.total);
  expect(after.completed).toBe(before.completed + 1);

  // The liaison is told of the approval.
  await liaison.goto("/notifications");
  await expect(
    liaison.locator('[data-testid="notification"][data-kind="CLAIM_APPROVED"]').first(),
  ).toBeVisible();

  await Promise.all([
    liaison.context().close(),
    reviewer.context().close(),
    hunan.context().close(),
  ]);
});
