/**
 * Demo objects for the authorization matrix, one set per target tree:
 *   crrc    - CRRC (State Council SASAC), liaison-crrc's own tree
 *   telecom - China Telecom (State Council SASAC), another tree of the same supervisor
 *   hunan   - HN-VALIN (Hunan SASAC), another province
 * Objects that a call consumes (saved views, tokens, categories, tasks) are made fresh per call.
 */
import { randomUUID } from "node:crypto";
import { createApiToken } from "@/lib/auth/tokens";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const ROLES = [
  "admin",
  "admin-hunan",
  "reviewer-central",
  "reviewer-hunan",
  "liaison-crrc",
  "liaison-telecom",
  "manager",
] as const;
export type Role = (typeof ROLES)[number];

export const TARGETS = ["crrc", "telecom", "hunan"] as const;
export type Target = (typeof TARGETS)[number];

const TREE: Record<Target, { code: string; liaison: string; supervisor: string }> = {
  crrc: { code: "CRRC", liaison: "liaison-crrc", supervisor: "SASAC-SC" },
  telecom: { code: "TELECOM", liaison: "liaison-telecom", supervisor: "SASAC-SC" },
  hunan: { code: "HN-VALIN", liaison: "liaison-hn-valin", supervisor: "SASAC-HN" },
};

/** A uuid that names nothing: operations on objects the seed does not have answer 404 for all. */
export const MISSING = "00000000-0000-4000-8000-000000000000";

export type TreeObjects = {
  enterpriseId: string;
  childId: string;
  supervisorId: string;
  liaisonId: string;
  programmeId: string;
  categoryId: string;
  taskId: string;
  itemId: string;
  entryId: string;
  noticeId: string;
  roundId: string;
  evidenceId: string;
};

export type Fixtures = {
  prisma: PrismaClient;
  tokens: Record<Role, string>;
  userIds: Record<Role, string>;
  trees: Record<Target, TreeObjects>;
};

const idOr = (row: { id: string } | null) => row?.id ?? MISSING;

async function treeObjects(prisma: PrismaClient, target: Target): Promise<TreeObjects> {
  const tree = TREE[target];
  const root = await prisma.enterprise.findFirstOrThrow({ where: { code: tree.code } });
  const supervisor = await prisma.supervisor.findFirstOrThrow({ where: { code: tree.supervisor } });
  const inTree = { enterprise: { ancestors: { some: { ancestorId: root.id } } } };
  const child = await prisma.enterprise.findFirst({
    where: { parentId: root.id },
    orderBy: { code: "asc" },
  });
  const item = await prisma.ledgerItem.findFirst({
    where: { ...inTree, isMain: true, notApplicable: false, status: "IN_PROGRESS" },
    orderBy: [{ programme: { code: "desc" } }, { task: { code: "asc" } }],
  });
  // The supervisor's own programme, else the one its enterprises report in (Hunan's groups take
  // part in the State Council's programmes).
  const programme =
    (await prisma.programme.findFirst({
      where: { supervisorId: supervisor.id },
      orderBy: { code: "desc" },
    })) ?? (item ? await prisma.programme.findUnique({ where: { id: item.programmeId } }) : null);
  const liaison = await prisma.user.findFirst({ where: { username: tree.liaison } });
  return {
    enterpriseId: root.id,
    childId: idOr(child),
    supervisorId: supervisor.id,
    liaisonId: idOr(liaison),
    programmeId: idOr(programme),
    categoryId: idOr(
      await prisma.category.findFirst({ where: { programmeId: programme?.id ?? MISSING } }),
    ),
    taskId: idOr(await prisma.task.findFirst({ where: { programmeId: programme?.id ?? MISSING } })),
    itemId: idOr(item),
    entryId: idOr(
      await prisma.progressEntry.findFirst({
        where: { ledgerItem: inTree, reviewState: "SUBMITTED" },
        orderBy: { createdAt: "asc" },
      }),
    ),
    noticeId: idOr(
      await prisma.supervisionNotice.findFirst({
        where: { items: { some: { ledgerItem: inTree } } },
      }),
    ),
    roundId: idOr(
      await prisma.reportingRound.findFirst({
        where: { programmeId: programme?.id ?? MISSING },
        orderBy: { period: "desc" },
      }),
    ),
    evidenceId: idOr(await prisma.evidence.findFirst({ where: { ledgerItem: inTree } })),
  };
}

export async function loadFixtures(prisma: PrismaClient): Promise<Fixtures> {
  const tokens = {} as Record<Role, string>;
  const userIds = {} as Record<Role, string>;
  for (const role of ROLES) {
    const user = await prisma.user.findUniqueOrThrow({ where: { username: role } });
    userIds[role] = user.id;
    tokens[role] = (await createApiToken(user.id, `authz ${role}`)).token;
  }
  const trees = {} as Record<Target, TreeObjects>;
  for (const target of TARGETS) trees[target] = await treeObjects(prisma, target);
  return { prisma, tokens, userIds, trees };
}

/** A unique code for objects made by a call. */
export const fresh = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
