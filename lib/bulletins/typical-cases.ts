import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { enterpriseScopeWhere } from "@/lib/auth/scope";
import { getReadDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BulletinCase } from "./format";

/** At most this many cases go into a bulletin, the newest first. */
export const MAX_CASES = 50;

/**
 * Typical cases (典型案例) for a bulletin: published by the as-of instant, linked to a task of
 * the programme and to an enterprise in the actor's scope and in the node (a supervisor's
 * enterprises or an enterprise's subtree). One query.
 */
export async function listBulletinCases(
  actor: Actor,
  options: {
    programmeId: string;
    asOf: Date;
    supervisorId?: string;
    enterpriseId?: string;
    limit?: number;
  },
): Promise<BulletinCase[]> {
  const inNode: Prisma.EnterpriseWhereInput = {
    AND: [
      enterpriseScopeWhere(actor),
      options.enterpriseId
        ? { ancestors: { some: { ancestorId: options.enterpriseId } } }
        : options.supervisorId
          ? { supervisorId: options.supervisorId }
          : {},
    ],
  };
  const rows = await getReadDb().typicalCase.findMany({
    where: {
      publishedAt: { not: null, lte: options.asOf },
      tasks: { some: { task: { programmeId: options.programmeId } } },
      enterprises: { some: { enterprise: inNode } },
    },
    select: {
      id: true,
      titleZh: true,
      titleEn: true,
      summaryZh: true,
      summaryEn: true,
      publishedAt: true,
      enterprises: {
        where: { enterprise: inNode },
        select: { enterprise: { select: { id: true, nameZh: true, nameEn: true } } },
      },
    },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take: options.limit ?? MAX_CASES,
  });
  return rows.map(({ enterprises, publishedAt, ...row }) => ({
    ...row,
    publishedAt: publishedAt!.toISOString(),
    enterprises: enterprises.map((e) => e.enterprise),
  }));
}
