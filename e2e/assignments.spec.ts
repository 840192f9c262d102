import { expect, test, type Page } from "@playwright/test";
import { enterpriseByCode, seriousViolations, typeDay, unique, userPage } from "./helpers";

/*
 * Setting up a task end to end: the administrator adds a main task to the SDU-2023 catalogue,
 * assigns it (分解下达) to Hunan's enterprises through the form (with its preview count), marks one of the new items not applicable with a reason, and sees both in the matrix;
 * reviewer-hunan then finds the new items in the ledger, and Hunan's headline denominator on the
 * dashboard has grown by exactly the applicable items assigned.
 */

type Matrix = {
  tasks: { id: string; code: string; isMain: boolean; coverage: { assigned: number } }[];
  rows: {
    id: string;
    code: string;
    depth: number;
    cells: { taskId: string; itemId: string }[];
  }[];
  total: number;
};

/** The id of programme SDU-2023, from an item of each programme in the caller's ledger. */
async function programmeIdOf(page: Page, code: string): Promise<string> {
  const list = await page.request.get("/api/v1/ledger-items?limit=200");
  expect(list.ok()).toBeTruthy();
  const items = ((await list.json()) as { items: { id: string; programmeId: string }[] }).items;
  const byProgramme = new Map(items.map((i) => [i.programmeId, i.id]));
  for (const itemId of byProgramme.values()) {
    const detail = await page.request.get(`/api/v1/ledger-items/${itemId}`);
    const item = (await detail.json()) as { programme: { id: string; code: string } };
    if (item.programme.code === code) return item.programme.id;
  }
  throw new Error(`No programme ${code}`);
}

async function matrixOf(page: Page, programmeId: string, search: string): Promise<Matrix> {
  const response = await page.request.get(`/api/v1/programmes/${programmeId}/matrix?${search}`);
  expect(response.ok()).toBeTruthy();
  return (await response.json()) as Matrix;
}

/** Hunan's denominator as reviewer-hunan's dashboard shows it (their whole scope). */
async function dashboardTotal(page: Page, programmeId: string): Promise<number> {
  await page.goto(`/dashboard?programmeId=${programmeId}`);
  const total = page.getByTestId("headline-total");
  await expect(total).toBeVisible();
  return Number(await total.getAttribute("data-count"));
}

test("an administrator assigns a task to Hunan's enterprises; the reviewer sees the new items and the denominator move", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const admin = await userPage(browser, baseURL, "admin");
  const reviewer = await userPage(browser, baseURL, "reviewer-hunan");
  const programmeId = await programmeIdOf(admin, "SDU-2023");
  const hunanId = (
    (await enterpriseByCode(admin, "HN-VALIN")) as unknown as {
      supervisor: { id: string };
    }
  ).supervisor.id;

  // A new main task in the catalogue, through its form.
  const taskCode = `SDU-${unique("E2E").replace(/[^A-Za-z0-9]+/g, "-")}`;
  await admin.goto(`/programmes/${programmeId}/catalogue`);
  await admin.getByTestId("new-task").click();
  const taskForm = admin.getByTestId("task-form");
  await expect(taskForm).toHaveAttribute("data-hydrated", "true");
  await taskForm.getByTestId("task-category").selectOption({ index: 1 });
  await taskForm.getByTestId("task-code").fill(taskCode);
  await taskForm.getByTestId("task-titleZh").fill("建立健全市场化经营机制专项考核");
  await taskForm.getByTestId("task-titleEn").fill("Market-based operating mechanism review");
  await typeDay(taskForm.getByTestId("task-defaultDueDate"), "2025-12-31");
  await expect(taskForm.getByTestId("task-isMain")).toBeChecked();
  await taskForm.getByTestId("task-submit").click();
  await expect(admin).toHaveURL(new RegExp(`/programmes/${programmeId}/catalogue$`));
  await expect(admin.getByTestId("task-row").filter({ hasText: taskCode })).toBeVisible();

  const before = await matrixOf(admin, programmeId, `supervisorIds=${hunanId}&pageSize=200`);
  const task = before.tasks.find((t) => t.code === taskCode);
  expect(task?.coverage.assigned).toBe(0);
  const expected = before.total - task!.coverage.assigned;
  const hadItem = new Set(
    before.rows.flatMap((r) => r.cells.filter((c) => c.taskId === task!.id).map((c) => c.itemId)),
  );
  const denominatorBefore = await dashboardTotal(reviewer, programmeId);

  // The form: the task, Hunan's enterprises, the preview count, the responsible fields.
  await admin.goto(`/programmes/${programmeId}/assign`);
  const form = admin.getByTestId("assign-form");
  await expect(form).toHaveAttribute("data-hydrated", "true");
  await form.locator(`[data-testid="assign-task"][data-task-code="${task!.code}"]`).check();
  await form.getByTestId("assign-supervisorId").selectOption(hunanId);
  const preview = form.getByTestId("assign-preview");
  await expect(preview).toHaveAttribute("data-state", "ready", { timeout: 15_000 });
  await expect(preview).toHaveAttribute("data-enterprises", String(before.total));
  await expect(preview).toHaveAttribute("data-created", String(expected));
  await expect(form.getByTestId("assign-preview-summary")).toContainText(String(expected));
  expect(await seriousViolations(admin)).toEqual([]);

  await form.getByTestId("assign-responsibleDept").fill("改革办");
  await form.getByTestId("assign-responsiblePerson").fill("李明");
  await form.getByTestId("assign-responsiblePhone").fill("0731-88886666");
  await form.getByTestId("assign-submit").click();
  await admin.getByTestId("assign-confirm-confirm").click();
  await expect(admin.getByTestId("assign-result-summary")).toHaveAttribute(
    "data-created",
    String(expected),
  );

  // The new items, the deepest enterprise's first (its ledger fits one page).
  const after = await matrixOf(
    admin,
    programmeId,
    `supervisorIds=${hunanId}&taskIds=${task!.id}&pageSize=200`,
  );
  expect(after.tasks[0]!.coverage.assigned).toBe(before.total);
  const fresh = after.rows
    .flatMap((r) => r.cells.map((c) => ({ ...c, enterprise: r })))
    .filter((c) => !hadItem.has(c.itemId))
    .sort((a, b) => b.enterprise.depth - a.enterprise.depth);
  expect(fresh).toHaveLength(expected);
  const [excluded, kept] = [fresh[0]!, fresh[1] ?? fresh[0]!];

  // Not applicable, with the reason the dialog insists on.
  await admin.goto(`/ledger/${excluded.itemId}`);
  await expect(admin.getByTestId("ledger-item-page")).toHaveAttribute("data-hydrated", "true");
  await admin.getByTestId("mark-not-applicable").click();
  const dialog = admin.getByTestId("not-applicable-dialog");
  await dialog.getByTestId("not-applicable-submit").click();
  await expect(dialog.getByTestId("field-error")).toBeVisible();
  await dialog
    .getByTestId("not-applicable-reason")
    .fill("本企业不涉及此项任务，经国资委同意不单独列项。");
  await dialog.getByTestId("not-applicable-submit").click();
  await expect(dialog).toBeHidden();
  await expect(admin.getByTestId("mark-applicable")).toBeVisible();
  await expect(admin.getByText("本企业不涉及此项任务，经国资委同意不单独列项。")).toBeVisible();

  // The matrix: full coverage, one excluded.
  await admin.goto(
    `/programmes/${programmeId}/matrix?supervisorIds=${hunanId}&taskIds=${task!.id}`,
  );
  const view = admin.getByTestId("matrix-view");
  await expect(view).toHaveAttribute("data-hydrated", "true");
  const coverage = view.locator(`[data-testid="matrix-coverage"][data-task-code="${task!.code}"]`);
  await expect(coverage).toHaveAttribute("data-assigned", String(before.total));
  await expect(
    view.locator(`[data-testid="matrix-cell"][data-item-id="${excluded.itemId}"]`),
  ).toHaveAttribute("data-mark", "notApplicable");
  expect(await seriousViolations(admin)).toEqual([]);

  // The reviewer: the new items in the ledger, the denominator grown by the applicable ones.
  await reviewer.goto(`/ledger?programmeId=${programmeId}&enterpriseId=${kept.enterprise.id}`);
  await expect(
    reviewer.locator(`[data-testid="ledger-row"][data-row-id="${kept.itemId}"]`),
  ).toBeVisible();
  expect(await dashboardTotal(reviewer, programmeId)).toBe(denominatorBefore + expected - 1);
});
