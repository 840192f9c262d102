import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";
import { inProgressMainItems, itemDetail, openItem, uniqueText } from "./fixtures/ledger";

/*
 * Two people edit the same ledger item: the second submission gets a 409, keeps what was typed,
 * shows what changed, and can be sent on top of the latest version. Uses index 1 of the
 * liaison's main items in progress (see ledger.spec.ts for the other indexes).
 */
// Cold routes on a fresh server, two browser contexts, axe scans: more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

test("a stale submission shows the conflict panel, keeps the draft and resubmits on the latest version", async ({
  browser,
}) => {
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await signIn(first, "liaison-crrc");
  await signIn(second, "liaison-crrc");
  const item = (await inProgressMainItems(first.request))[1]!;
  const before = await itemDetail(first.request, item.id);

  await openItem(first, item.id);
  await openItem(second, item.id);
  const firstForm = first.getByTestId("entry-form");
  const secondForm = second.getByTestId("entry-form");
  await expect(secondForm).toBeVisible();

  // The second user starts typing; meanwhile the first one saves.
  const secondText = uniqueText("e2e conflict second");
  await secondForm.getByLabel("进展情况").fill(secondText);
  const firstText = uniqueText("e2e conflict first");
  await firstForm.getByLabel("进展情况").fill(firstText);
  await firstForm.getByTestId("submit-entry").click();
  await expect(firstForm.getByTestId("form-saved")).toContainText("已保存");

  const conflict = second.waitForResponse(
    (r) =>
      r.url().endsWith(`/api/v1/ledger-items/${item.id}/entries`) &&
      r.request().method() === "POST",
  );
  await secondForm.getByTestId("submit-entry").click();
  expect((await conflict).status()).toBe(409);
  const panel = second.getByTestId("conflict-panel");
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("heading", { name: "有人在您编辑期间更新了该事项" })).toBeVisible();
  await expect(panel.getByTestId("conflict-current")).toContainText(`版本 ${before.version + 1}`);
  await expect(panel.getByTestId("conflict-changes").getByRole("listitem")).toHaveCount(1);
  await expect(panel.getByTestId("conflict-changes")).toContainText("liaison-crrc");
  // Nothing typed is lost.
  await expect(secondForm.getByLabel("进展情况")).toHaveValue(secondText);

  await panel.getByTestId("conflict-resubmit").click();
  await expect(secondForm.getByTestId("form-saved")).toContainText("已保存");
  await expect(second.getByTestId("conflict-panel")).toHaveCount(0);
  await expect(
    second.getByTestId("timeline-entry").first().getByTestId("entry-narrative"),
  ).toHaveText(secondText);
  await expect(
    second.getByTestId("timeline-entry").nth(1).getByTestId("entry-narrative"),
  ).toHaveText(firstText);

  const after = await itemDetail(first.request, item.id);
  expect(after.version).toBe(before.version + 2);
  expect(after.entries.slice(0, 2).map((e) => e.narrative)).toEqual([secondText, firstText]);

  await first.context().close();
  await second.context().close();
});
