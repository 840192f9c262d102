/**
 * Demo objects for the authorization matrix, one set per target tree:
 *   crrc    - CRRC (State Council SASAC), liaison-crrc's own tree
 *   telecom - China Telecom (State Council SASAC), another tree of the same supervisor
 *   hunan   - HN-VALIN (Hunan SASAC), another province
 * Objects that a call consumes (saved views, tokens, categories, tasks) are made fresh per call.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createApiToken } from "@/lib/auth/tokens";
import { uploadEvidence } from "@/lib/ledger/evidence";
import { issueNotice } from "@/lib/notices/issue-notice";
import { actorFor, pdfFile } from "../integration/fixtures";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// The evidence files the fixtures upload go to a throwaway folder (set before the app reads its
// settings, which it caches).
process.env.EVIDENCE_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "authz-evidence-"));

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

const TREE: Record<
  Target,
  { code: string; liaison: string; reviewer: string; supervisor: string }
> = {
  crrc: {
    code: "CRRC",
    liaison: "liaison-crrc",
    reviewer: "reviewer-central",
    supervisor: "SASAC-SC",
  },
  telecom: {
    code: "TELECOM",
    liaison: "liaison-telecom",
    reviewer: "reviewer-central",
    supervisor: "SASAC-SC",
  },
  hunan: {
    code: "HN-VALIN",
    liaison: "liaison-hn-valin",
    reviewer: "reviewer-hunan",
    supervisor: "SASAC-HN",
  },
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
    noticeId:
      (
        await prisma.supervisionNotice.findFirst({
          where: { items: { some: { ledgerItem: inTree } } },
        })
      )?.id ?? (await noticeOf(prisma, tree.reviewer, item?.id)),
    roundId: idOr(
      await prisma.reportingRound.findFirst({
        where: { programmeId: programme?.id ?? MISSING },
        orderBy: { period: "desc" },
      }),
    ),
    evidenceId: await evidenceOf(prisma, tree.liaison, item?.id),
  };
}

/**
 * An evidence file in the tree (the seed has none): uploaded by the tree's liaison through the
 * app, so every role's download of it is checked against a real file.
 */
async function evidenceOf(prisma: PrismaClient, liaison: string, itemId: string | undefined) {
  if (!itemId) return MISSING;
  const existing = await prisma.evidence.findFirst({
    where: { ledgerItemId: itemId, kind: "FILE" },
  });
  if (existing) return existing.id;
  const actor = await actorFor(prisma, liaison);
  return (await uploadEvidence(actor, { itemId, file: pdfFile("authz.pdf") })).id;
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

/** A supervision notice on the tree's item (the seed has them in Hunan only), issued by its reviewer. */
async function noticeOf(prisma: PrismaClient, reviewer: string, itemId: string | undefined) {
  if (!itemId) return MISSING;
  const actor = await actorFor(prisma, reviewer);
  const issued = await issueNotice(actor, {
    input: {
      itemIds: [itemId],
      level: "BLUE",
      requiredAction: "Report progress",
      responseDueOn: "2031-01-31",
    },
    locale: "zh-CN",
  });
  return issued.notices[0]!.id;
}

/** A unique code for objects made by a call. */
export const fresh = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
