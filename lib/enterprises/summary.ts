import type { Prisma } from "@/lib/generated/prisma/client";
import type { EnterpriseSummary } from "./schemas";

/** The columns of an enterprise in lists and pickers (EnterpriseSummary). */
export const summarySelect = {
  id: true,
  code: true,
  creditCode: true,
  nameZh: true,
  nameEn: true,
  shortNameZh: true,
  shortNameEn: true,
  parentId: true,
  rootId: true,
  depth: true,
  region: true,
  functionalClass: true,
  ownershipForm: true,
  supervisor: { select: { id: true, code: true, nameZh: true, nameEn: true, level: true } },
  active: true,
  mergedIntoId: true,
  // Merged enterprises keep their place as history but are not listed in the tree.
  _count: { select: { children: { where: { mergedIntoId: null } } } },
} satisfies Prisma.EnterpriseSelect;

export type SummaryRow = Prisma.EnterpriseGetPayload<{ select: typeof summarySelect }>;

export function toSummary({ _count, ...row }: SummaryRow): EnterpriseSummary {
  return { ...row, childCount: _count.children };
}
