import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { ledgerItemScopeWhere } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";

export type LedgerFilterOptions = {
  programmes: { id: string; code: string; nameZh: string; nameEn: string }[];
  categories: { id: string; programmeId: string; code: string; nameZh: string; nameEn: string }[];
};

/**
 * The programmes with ledger items in the actor's scope and their categories, for the ledger's
 * filters. `some` is an EXISTS, so this stays cheap with millions of items.
 */
export async function ledgerFilterOptions(actor: Actor): Promise<LedgerFilterOptions> {
  const db = getDb();
  const programmes = await db.programme.findMany({
    where: { ledgerItems: { some: ledgerItemScopeWhere(actor) } },
    select: { id: true, code: true, nameZh: true, nameEn: true },
    orderBy: [{ startDate: "desc" }, { code: "asc" }],
  });
  const categories = programmes.length
    ? await db.category.findMany({
        where: { programmeId: { in: programmes.map((p) => p.id) } },
        select: { id: true, programmeId: true, code: true, nameZh: true, nameEn: true },
        orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      })
    : [];
  return { programmes, categories };
}
