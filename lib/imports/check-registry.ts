import "server-only";
import { randomUUID } from "node:crypto";
import { managesSupervisor } from "@/lib/auth/policy";
import { isValidCreditCode } from "@/lib/enterprises/credit-code";
import { applyRegistry, type RegistryPlan } from "./apply-registry";
import { changedFields } from "./diff";
import { count, type CheckContext, type Plan } from "./plan";
import { loadRegistryContext } from "./registry-context";
import { finalTree } from "./registry-tree";
import { presentFields, rowFields, rowProblem, updateValues } from "./row-helpers";

export const ENTERPRISE_FIELDS = {
  "enterprise.creditCode": "creditCode",
  "enterprise.nameZh": "nameZh",
  "enterprise.nameEn": "nameEn",
  "enterprise.shortNameZh": "shortNameZh",
  "enterprise.shortNameEn": "shortNameEn",
  "enterprise.region": "region",
  "enterprise.industryZh": "industryZh",
  "enterprise.industryEn": "industryEn",
  "enterprise.functionalClass": "functionalClass",
  "enterprise.ownershipForm": "ownershipForm",
  "enterprise.partySupervisorCode": "partySupervisorId",
  "enterprise.partyOrgNameZh": "partyOrgNameZh",
  "enterprise.partyOrgNameEn": "partyOrgNameEn",
  "enterprise.sortOrder": "sortOrder",
};
const KEEP = new Set(["enterprise.ownershipForm", "enterprise.sortOrder"]);

/**
 * The registry workbook against the enterprises the actor may see: a code outside the scope is
 * an "unknown code" (the same answer as for a code that does not exist), one the actor sees but
 * whose supervisor they do not own cannot be changed. Parents must be known (in the file or in
 * scope) and may not make a loop; a child keeps its parent's supervisor; a supervisor change of
 * an existing enterprise (a reorganisation of its whole subtree) is refused here. Credit codes
 * are checked with their check character and must be unique.
 */
export async function checkRegistry(ctx: CheckContext): Promise<Plan> {
  const sheet = ctx.sheets.get("enterprises");
  const counts = [count("enterprises")];
  const plan: RegistryPlan = { creates: [], updates: [], moves: [], fields: [] };
  if (!sheet) return { counts: [], apply: async () => {} };
  const { actor, problems } = ctx;
  const p = (row: number, key: string, code: string, params?: Record<string, string | number>) =>
    rowProblem(problems, sheet, row, key, code, params);
  const known = await loadRegistryContext(ctx.db, actor, sheet);
  plan.fields = presentFields(sheet, ENTERPRISE_FIELDS);

  // Parents as the file says (codes), for rows whose parent column is present.
  const fileParent = new Map<string, string | null>();
  const inFile = new Set(sheet.rows.map((r) => r.values["enterprise.code"] as string));
  for (const row of sheet.rows) {
    const code = row.values["enterprise.code"] as string;
    const existing = known.byCode.get(code);
    if (existing && !existing.visible) p(row.row, "enterprise.code", "unknownCode", { code });
    else if (existing && !managesSupervisor(actor, "catalogue.manage", existing.supervisorId))
      p(row.row, "enterprise.code", "notManaged");
    if (!sheet.present.has("enterprise.parentCode")) continue;
    const parent = (row.values["enterprise.parentCode"] as string | null) ?? null;
    if (parent !== null && !inFile.has(parent) && !known.byCode.get(parent)?.visible) {
      p(row.row, "enterprise.parentCode", "unknownCode", { code: parent });
      continue;
    }
    fileParent.set(code, parent);
  }
  const tree = finalTree(known.dbParent, fileParent);
  for (const row of sheet.rows) {
    const code = row.values["enterprise.code"] as string;
    if (tree.cycles.has(code)) p(row.row, "enterprise.parentCode", "parentCycle", { code });
  }

  // Supervisors, top down: a new enterprise takes its parent's unless the file names one.
  const rows = [...sheet.rows].sort(
    (a, b) =>
      (tree.depth.get(a.values["enterprise.code"] as string) ?? 0) -
      (tree.depth.get(b.values["enterprise.code"] as string) ?? 0),
  );
  const supervisorOf = new Map<string, string>();
  for (const [code, e] of known.byCode) supervisorOf.set(code, e.supervisorId);
  const newIds = new Map<string, string>();
  const creditCodes = new Map<string, string>();
  for (const row of rows) {
    const code = row.values["enterprise.code"] as string;
    const existing = known.byCode.get(code);
    // Out of scope or not owned: reported above; counting it would tell it exists.
    if (
      existing &&
      (!existing.visible || !managesSupervisor(actor, "catalogue.manage", existing.supervisorId))
    )
      continue;
    const parentCode = fileParent.has(code)
      ? fileParent.get(code)!
      : (known.dbParent.get(code) ?? null);
    const named = row.values["enterprise.supervisorCode"] as string | null | undefined;
    const namedId = named ? known.supervisorIds.get(named) : undefined;
    if (named && !namedId) p(row.row, "enterprise.supervisorCode", "unknownCode", { code: named });
    const parentSupervisor = parentCode ? supervisorOf.get(parentCode) : undefined;
    const supervisorId = existing?.supervisorId ?? namedId ?? parentSupervisor;
    if (!supervisorId) {
      if (!named) p(row.row, "enterprise.supervisorCode", "required");
      continue;
    }
    supervisorOf.set(code, supervisorId);
    if (existing && namedId && namedId !== existing.supervisorId)
      p(row.row, "enterprise.supervisorCode", "supervisorChange");
    else if (parentSupervisor && parentSupervisor !== supervisorId)
      p(row.row, "enterprise.parentCode", "supervisorMismatch", { code: parentCode! });
    if (!existing && !managesSupervisor(actor, "catalogue.manage", supervisorId))
      p(row.row, "enterprise.supervisorCode", "notManaged");

    const fields = rowFields(sheet, row, ENTERPRISE_FIELDS, KEEP);
    if ("creditCode" in fields && fields.creditCode !== null) {
      const credit = String(fields.creditCode).trim().toUpperCase();
      fields.creditCode = credit;
      const holder = known.creditHolders.get(credit);
      if (!isValidCreditCode(credit)) p(row.row, "enterprise.creditCode", "creditCode");
      else if (creditCodes.has(credit))
        p(row.row, "enterprise.creditCode", "duplicateInFile", { row: creditCodes.get(credit)! });
      else if (holder && holder !== code && !inFile.has(holder))
        p(row.row, "enterprise.creditCode", "creditCodeTaken");
      creditCodes.set(credit, String(row.row));
    }
    if ("partySupervisorId" in fields && fields.partySupervisorId !== null) {
      const party = known.supervisorIds.get(String(fields.partySupervisorId));
      if (!party)
        p(row.row, "enterprise.partySupervisorCode", "unknownCode", {
          code: String(fields.partySupervisorId),
        });
      fields.partySupervisorId = party ?? null;
    }
    const depth = tree.depth.get(code) ?? 0;
    if (!existing) {
      const id = randomUUID();
      newIds.set(code, id);
      plan.creates.push({
        id,
        code,
        parentCode,
        rootCode: tree.root.get(code) ?? code,
        depth,
        supervisorId,
        values: { ownershipForm: "WHOLLY_STATE_OWNED", sortOrder: 0, ...fields },
      });
      counts[0]!.created += 1;
      continue;
    }
    const diff = changedFields(existing.row, fields);
    const moves = fileParent.has(code) && parentCode !== (known.dbParent.get(code) ?? null);
    if (diff)
      plan.updates.push({
        id: existing.id,
        values: updateValues(existing.row, fields, plan.fields),
        ...diff,
      });
    if (moves) plan.moves.push({ id: existing.id, code, parentCode, depth });
    if (diff || moves) counts[0]!.updated += 1;
    else counts[0]!.unchanged += 1;
  }
  const idOf = (c: string) => newIds.get(c) ?? known.byCode.get(c)?.id ?? null;
  return { counts, apply: (tx, applyCtx) => applyRegistry(tx, applyCtx, plan, idOf) };
}
