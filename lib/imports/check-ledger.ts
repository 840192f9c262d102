import "server-only";
import { randomUUID } from "node:crypto";
import { managesSupervisor } from "@/lib/auth/policy";
import { enterpriseScopeWhere } from "@/lib/auth/scope";
import { applyLedger, type LedgerPlan } from "./apply-ledger";
import { changedFields } from "./diff";
import { count, type CheckContext, type Plan } from "./plan";
import { presentFields, rowFields, rowProblem, updateValues } from "./row-helpers";

const ITEM_FIELDS = {
  "item.responsibleDept": "responsibleDept",
  "item.responsiblePerson": "responsiblePerson",
  "item.responsiblePhone": "responsiblePhone",
  "item.dueDate": "dueDate",
};
const KEEP = new Set(["item.dueDate"]);

/**
 * A programme's ledger workbook: one row per ledger item, identified by enterprise code x task
 * code. The enterprise must be in the actor's scope (else "unknown code") and under a
 * supervisor they own; the task must be in the programme. Existing items get their
 * responsibilities, due date and not-applicable mark updated, new pairs become new items (due on
 * the file's date, else the task's default). Status, percent and last update are read-only.
 */
export async function checkLedger(ctx: CheckContext): Promise<Plan> {
  const sheet = ctx.sheets.get("items");
  if (!sheet) return { counts: [], apply: async () => {} };
  const { db, actor, problems } = ctx;
  const programmeId = ctx.programme!.id;
  const p = (row: number, key: string, code: string, params?: Record<string, string | number>) =>
    rowProblem(problems, sheet, row, key, code, params);

  const codes = [...new Set(sheet.rows.map((r) => r.values["item.enterpriseCode"] as string))];
  const enterprises = await db.enterprise.findMany({
    where: { code: { in: codes }, ...enterpriseScopeWhere(actor) },
    select: { id: true, code: true, supervisorId: true },
  });
  const enterpriseIds = enterprises.map((e) => e.id);
  const [tasks, items] = await Promise.all([
    db.task.findMany({
      where: { programmeId },
      select: { id: true, code: true, categoryId: true, isMain: true, defaultDueDate: true },
    }),
    db.ledgerItem.findMany({
      where: { programmeId, enterpriseId: { in: enterpriseIds } },
      select: {
        id: true,
        enterpriseId: true,
        taskId: true,
        responsibleDept: true,
        responsiblePerson: true,
        responsiblePhone: true,
        dueDate: true,
        notApplicable: true,
        notApplicableReason: true,
      },
    }),
  ]);
  const enterpriseOf = new Map(enterprises.map((e) => [e.code, e]));
  const taskOf = new Map(tasks.map((t) => [t.code, t]));
  const itemOf = new Map(items.map((i) => [`${i.enterpriseId}/${i.taskId}`, i]));

  const plan: LedgerPlan = {
    creates: [],
    updates: [],
    notApplicable: [],
    fields: presentFields(sheet, ITEM_FIELDS),
  };
  const counts = [count("items")];
  const naPresent = sheet.present.has("item.notApplicable");
  const reasonPresent = sheet.present.has("item.notApplicableReason");
  for (const row of sheet.rows) {
    const eCode = row.values["item.enterpriseCode"] as string;
    const tCode = row.values["item.taskCode"] as string;
    const enterprise = enterpriseOf.get(eCode);
    const task = taskOf.get(tCode);
    if (!enterprise) p(row.row, "item.enterpriseCode", "unknownCode", { code: eCode });
    else if (!managesSupervisor(actor, "catalogue.manage", enterprise.supervisorId))
      p(row.row, "item.enterpriseCode", "notManaged");
    if (!task) p(row.row, "item.taskCode", "unknownCode", { code: tCode });
    if (!enterprise || !task) continue;

    const existing = itemOf.get(`${enterprise.id}/${task.id}`);
    const fields = rowFields(sheet, row, ITEM_FIELDS, KEEP);
    const naCell = row.values["item.notApplicable"] as boolean | null | undefined;
    const na =
      naPresent && naCell !== null && naCell !== undefined
        ? naCell
        : (existing?.notApplicable ?? false);
    const reasonCell =
      (row.values["item.notApplicableReason"] as string | null | undefined) ?? null;
    const reason = reasonPresent ? reasonCell : (existing?.notApplicableReason ?? null);
    if (na && !reason)
      p(
        row.row,
        reasonPresent ? "item.notApplicableReason" : "item.notApplicable",
        "reasonRequired",
      );
    if (!na && reason) p(row.row, "item.notApplicableReason", "reasonWithoutMark");

    if (!existing) {
      const dueDate =
        (fields.dueDate as string | null | undefined) ??
        task.defaultDueDate?.toISOString().slice(0, 10) ??
        null;
      if (!dueDate) p(row.row, "item.dueDate", "required");
      plan.creates.push({
        id: randomUUID(),
        programmeId,
        taskId: task.id,
        categoryId: task.categoryId,
        isMain: task.isMain,
        enterpriseId: enterprise.id,
        notApplicable: na,
        notApplicableReason: na ? reason : null,
        responsibleDept: (fields.responsibleDept as string | undefined) ?? null,
        responsiblePerson: (fields.responsiblePerson as string | undefined) ?? null,
        responsiblePhone: (fields.responsiblePhone as string | undefined) ?? null,
        dueDate: dueDate ?? "",
      });
      counts[0]!.created += 1;
      continue;
    }
    const diff = changedFields(existing, fields);
    const naChanged =
      na !== existing.notApplicable || (na && reason !== existing.notApplicableReason);
    if (diff)
      plan.updates.push({
        id: existing.id,
        values: updateValues(existing, fields, plan.fields),
        ...diff,
      });
    if (naChanged) plan.notApplicable.push({ id: existing.id, reason: na ? reason : null });
    if (diff || naChanged) counts[0]!.updated += 1;
    else counts[0]!.unchanged += 1;
  }
  return { counts, apply: (tx, applyCtx) => applyLedger(tx, applyCtx, plan) };
}
