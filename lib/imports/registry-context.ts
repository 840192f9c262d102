import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { enterpriseScopeWhere } from "@/lib/auth/scope";
import type { Db } from "@/lib/db/client";
import type { ParsedSheet } from "./parse-sheets";

export type KnownEnterprise = {
  id: string;
  supervisorId: string;
  /** In the actor's scope: anything else is answered as an unknown code. */
  visible: boolean;
  row: Record<string, unknown>;
};

/**
 * What a registry check needs from the database, in a few set-based statements whatever the
 * number of rows: the enterprises the file names (as codes or parent codes), whether each is in
 * the actor's scope, the parent chains above them (from the closure table), the supervisors by
 * code and the holders of the credit codes the file gives.
 */
export async function loadRegistryContext(db: Db, actor: Actor, sheet: ParsedSheet) {
  const codes = new Set<string>();
  const credits = new Set<string>();
  for (const r of sheet.rows) {
    codes.add(r.values["enterprise.code"] as string);
    const parent = r.values["enterprise.parentCode"];
    if (typeof parent === "string") codes.add(parent);
    const credit = r.values["enterprise.creditCode"];
    if (typeof credit === "string") credits.add(credit.trim().toUpperCase());
  }
  const rows = await db.enterprise.findMany({ where: { code: { in: [...codes] } } });
  const ids = rows.map((r) => r.id);
  const [visible, chains, supervisors, holders] = await Promise.all([
    db.enterprise.findMany({
      where: { id: { in: ids }, ...enterpriseScopeWhere(actor) },
      select: { id: true },
    }),
    db.enterpriseClosure.findMany({
      where: { descendantId: { in: ids } },
      select: { ancestorId: true, descendantId: true, depth: true },
    }),
    db.supervisor.findMany({ select: { id: true, code: true } }),
    credits.size
      ? db.enterprise.findMany({
          where: { creditCode: { in: [...credits] } },
          select: { code: true, creditCode: true },
        })
      : Promise.resolve([]),
  ]);
  const seen = new Set(visible.map((v) => v.id));
  const byCode = new Map<string, KnownEnterprise>(
    rows.map((r) => [
      r.code,
      { id: r.id, supervisorId: r.supervisorId, visible: seen.has(r.id), row: r },
    ]),
  );
  // Parent chains: each node's ancestors by depth give the parent of every node on the way up.
  const ancestorIds = [...new Set(chains.map((c) => c.ancestorId))];
  const ancestors = await db.enterprise.findMany({
    where: { id: { in: ancestorIds } },
    select: { id: true, code: true, parentId: true },
  });
  const codeOf = new Map(ancestors.map((a) => [a.id, a.code]));
  const dbParent = new Map<string, string | null>();
  for (const a of ancestors)
    dbParent.set(a.code, a.parentId ? (codeOf.get(a.parentId) ?? null) : null);
  return {
    byCode,
    dbParent,
    supervisorIds: new Map(supervisors.map((s) => [s.code, s.id])),
    creditHolders: new Map(holders.map((h) => [h.creditCode!, h.code])),
  };
}
