/**
 * Demo data for Reform Ledger: SASACs, enterprise trees, the Deepening and Upgrading Action's
 * catalogue, work ledgers with three and a half years of history, reporting rounds, supervision
 * notices, typical cases and the demo accounts.
 *
 *   await seedDemo(prisma)   // { seeded: true, enterprises, ledgerItems, entries }
 *
 * Idempotent: when the State Council SASAC ("SASAC-SC") exists, nothing is written. Deterministic:
 * every figure, name and date comes from a seeded PRNG (only the row ids are random UUIDs). The
 * whole seed is one transaction, so a failure leaves nothing behind.
 */
import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { planItems } from "./assignments";
import { buildCatalogue } from "./catalogue";
import { buildOrg, type OrgEnterprise } from "./supervisors-enterprises";
import { CENTRAL_GROUPS } from "./enterprises-central";
import { PROVINCIAL_GROUPS } from "./enterprises-provincial";
import {
  ENTRY_COLUMNS,
  EVENT_COLUMNS,
  EVIDENCE_COLUMNS,
  FILING_COLUMNS,
  INDICATOR_TARGET_COLUMNS,
  LEDGER_ITEM_COLUMNS,
  REVIEW_COLUMNS,
  VALUE_COLUMNS,
  bulkInsert,
} from "./bulk";
import { rebuildRollups } from "@/lib/dashboard/rollup/rebuild";
import { freezeRoundSnapshot } from "@/lib/dashboard/snapshots";
import { writeInitialEnterpriseSpans } from "@/lib/history/record-enterprises-created";
import { writeInitialItemSpans } from "@/lib/history/record-items-created";
import { buildHistory } from "./history";
import { buildLiveProgramme } from "./live";
import { DEMO_PASSWORD, DEMO_USERS, personName } from "./people-cases";
import { Rng } from "./random";
import { buildNotices, buildRounds, buildTypicalCases } from "./rounds-notices";
import { TASKS_A } from "./tasks-a";
import { TASKS_B } from "./tasks-b";

export { DEMO_PASSWORD, DEMO_USERS, demoAccountsHint, type DemoUser } from "./people-cases";

export type SeedResult = {
  seeded: boolean;
  enterprises: number;
  ledgerItems: number;
  entries: number;
};

const SEED = 20_230_301;
/** @node-rs/argon2's Algorithm.Argon2id (a const enum, which isolatedModules cannot import). */
const ARGON2ID = 2;
const ACCOUNTS_CREATED = new Date(Date.UTC(2023, 1, 20));
const ITEMS_CREATED = new Date(Date.UTC(2023, 2, 1));

type UserSpec = {
  username: string;
  role: "ADMIN" | "REVIEWER" | "LIAISON" | "MANAGER";
  displayName: string;
  scopeAll?: boolean;
  supervisor?: string;
  enterprise?: string;
};

export async function seedDemo(
  prisma: PrismaClient,
  options: { log?: (line: string) => void; now?: Date } = {},
): Promise<SeedResult> {
  const log = options.log ?? (() => {});
  const existing = await prisma.supervisor.findUnique({
    where: { code: "SASAC-SC" },
    select: { id: true },
  });
  if (existing) {
    log("Demo data already present (supervisor SASAC-SC exists): nothing seeded.");
    const [enterprises, ledgerItems, entries] = await Promise.all([
      prisma.enterprise.count(),
      prisma.ledgerItem.count(),
      prisma.progressEntry.count(),
    ]);
    return { seeded: false, enterprises, ledgerItems, entries };
  }
  const t0 = performance.now();
  const rng = new Rng(SEED);

  const groups = [...CENTRAL_GROUPS, ...PROVINCIAL_GROUPS];
  // Accounts: the named demo users plus one liaison for every other group.
  const people = rng.fork("people");
  const users: UserSpec[] = [
    ...DEMO_USERS,
    ...groups
      .filter((g) => g.code !== "CRRC" && g.code !== "TELECOM")
      .map((g) => ({
        username: `liaison-${g.code.toLowerCase()}`,
        role: "LIAISON" as const,
        displayName: `${personName(people)}（${g.sZh}改革办）`,
        enterprise: g.code,
      })),
  ];
  const userIds = new Map(users.map((u) => [u.username, randomUUID()]));
  // Hashing (Argon2id, one hash per user) runs on libuv threads while the data is generated.
  const hashing = Promise.all(users.map(() => hash(DEMO_PASSWORD, { algorithm: ARGON2ID })));
  // Organisations and catalogue.
  const org = buildOrg(rng.fork("org"), groups);
  const catalogue = buildCatalogue(org.supervisorIds.get("SASAC-SC")!, [...TASKS_A, ...TASKS_B]);

  const user = (username: string) => {
    const id = userIds.get(username);
    if (!id) throw new Error(`Seed: no user ${username}`);
    return id;
  };
  const authorFor = (node: OrgEnterprise) =>
    node.path.includes("CRRC-ZELC")
      ? user("liaison-zhuzhou")
      : user(`liaison-${node.rootCode.toLowerCase()}`);
  const reviewerFor = (node: OrgEnterprise) =>
    node.supervisorCode === "SASAC-SC"
      ? user("reviewer-central")
      : node.supervisorCode === "SASAC-HN"
        ? user("reviewer-hunan")
        : user("admin");

  // Ledgers and their history.
  const ownership = new Map(org.enterprises.map((e) => [e.id!, String(e.ownershipForm)]));
  const plans = planItems(org, catalogue, ownership, rng.fork("plans"));
  const programmeId = catalogue.programme.id!;
  const { rounds, roundIds } = buildRounds(programmeId, user("admin"));
  const history = buildHistory(
    plans,
    {
      programmeId,
      roundIds,
      authorFor,
      reviewerFor,
      doneCriteria: new Map(catalogue.tasks.map((t) => [t.id!, t.doneCriteriaZh ?? ""])),
      createdAt: ITEMS_CREATED,
    },
    rng.fork("history"),
  );
  const { notices, noticeItems, replies } = buildNotices(plans, history.outcomes, {
    programmeId,
    supervisorIds: org.supervisorIds,
    userIds,
    authorFor,
  });
  const { cases, caseTasks, caseEnterprises } = buildTypicalCases(org, catalogue, user("admin"));
  // The programme running now (the dashboards' default), dated from the day of seeding.
  const live = buildLiveProgramme(
    org,
    {
      now: options.now ?? new Date(),
      supervisorId: org.supervisorIds.get("SASAC-SC")!,
      adminId: user("admin"),
      authorFor,
      reviewerFor,
    },
    rng.fork("live"),
  );
  const hashes = await hashing;
  const userRows = users.map((u, i) => ({
    id: userIds.get(u.username)!,
    username: u.username,
    displayName: u.displayName,
    passwordHash: hashes[i]!,
    role: u.role,
    scopeAll: u.scopeAll ?? false,
    locale: "zh-CN",
    createdAt: ACCOUNTS_CREATED,
  }));
  const scopeRows = users.flatMap((u) =>
    u.supervisor || u.enterprise
      ? [
          {
            id: randomUUID(),
            userId: userIds.get(u.username)!,
            supervisorId: u.supervisor ? org.supervisorIds.get(u.supervisor)! : null,
            enterpriseId: u.enterprise ? org.byCode.get(u.enterprise)!.id : null,
          },
        ]
      : [],
  );
  log(
    `Seeding ${org.enterprises.length} enterprises, ${catalogue.tasks.length} tasks, ${history.items.length} ledger items, ` +
      `${history.entries.length} progress entries ...`,
  );

  await prisma.$transaction(
    async (tx) => {
      /** createMany (for the small tables) in chunks well below PostgreSQL's 65535 bind parameters. */
      const insert = async <T extends object>(
        rows: T[],
        write: (data: T[]) => Promise<unknown>,
      ) => {
        if (!rows.length) return;
        const size = Math.max(1, Math.floor(30_000 / Object.keys(rows[0]!).length));
        for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
      };
      await insert(org.supervisors, (data) => tx.supervisor.createMany({ data }));
      await insert(org.enterprises, (data) => tx.enterprise.createMany({ data }));
      await insert(org.closure, (data) => tx.enterpriseClosure.createMany({ data }));
      await writeInitialEnterpriseSpans(
        tx,
        org.enterprises.map((e) => e.id!),
      );
      await insert(userRows, (data) => tx.user.createMany({ data }));
      await insert(scopeRows, (data) => tx.userScope.createMany({ data }));
      await tx.programme.create({ data: catalogue.programme });
      await insert(catalogue.milestones, (data) => tx.milestone.createMany({ data }));
      await insert(catalogue.categories, (data) => tx.category.createMany({ data }));
      await insert(catalogue.targets, (data) => tx.target.createMany({ data }));
      await insert(catalogue.tasks, (data) => tx.task.createMany({ data }));
      await insert(catalogue.indicators, (data) => tx.indicatorDefinition.createMany({ data }));
      await insert(rounds, (data) => tx.reportingRound.createMany({ data }));
      await tx.programme.create({ data: live.programme });
      await insert(live.milestones, (data) => tx.milestone.createMany({ data }));
      await insert(live.categories, (data) => tx.category.createMany({ data }));
      await insert(live.targets, (data) => tx.target.createMany({ data }));
      await insert(live.tasks, (data) => tx.task.createMany({ data }));
      await insert(live.rounds, (data) => tx.reportingRound.createMany({ data }));
      const items = [...history.items, ...live.items];
      await bulkInsert(tx, "LedgerItem", LEDGER_ITEM_COLUMNS, items);
      await writeInitialItemSpans(
        tx,
        items.map((i) => i.id!),
      );
      await bulkInsert(
        tx,
        "LedgerIndicatorTarget",
        INDICATOR_TARGET_COLUMNS,
        history.indicatorTargets,
      );
      await bulkInsert(tx, "ProgressEntry", ENTRY_COLUMNS, [...history.entries, ...live.entries]);
      await bulkInsert(tx, "IndicatorValue", VALUE_COLUMNS, history.values);
      await bulkInsert(tx, "EntryReview", REVIEW_COLUMNS, [...history.reviews, ...live.reviews]);
      await bulkInsert(tx, "LedgerStatusEvent", EVENT_COLUMNS, [...history.events, ...live.events]);
      await bulkInsert(tx, "Evidence", EVIDENCE_COLUMNS, history.evidence);
      await bulkInsert(tx, "RoundFiling", FILING_COLUMNS, history.filings);
      // The history above went in behind the writers' backs: the dashboard roll-up from it whole.
      await rebuildRollups(tx);
      // Closed rounds carry their frozen period-end figures, as if closed by the round clock.
      for (const round of [...rounds, ...live.rounds].filter((r) => r.status === "CLOSED"))
        await freezeRoundSnapshot(
          tx,
          { id: round.id!, programmeId: round.programmeId, periodEnd: new Date(round.periodEnd) },
          new Date(round.closedAt!),
        );
      await insert(notices, (data) => tx.supervisionNotice.createMany({ data }));
      await insert(noticeItems, (data) => tx.noticeItem.createMany({ data }));
      await insert(replies, (data) => tx.noticeReply.createMany({ data }));
      await insert(cases, (data) => tx.typicalCase.createMany({ data }));
      await insert(caseTasks, (data) => tx.typicalCaseTask.createMany({ data }));
      await insert(caseEnterprises, (data) => tx.typicalCaseEnterprise.createMany({ data }));
    },
    { maxWait: 30_000, timeout: 300_000 },
  );

  log(
    `Live programme ${live.programme.code}: ${live.items.length} items by colour ${JSON.stringify(live.fateCount)}.`,
  );
  log(`Demo data seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
  return {
    seeded: true,
    enterprises: org.enterprises.length,
    ledgerItems: history.items.length + live.items.length,
    entries: history.entries.length + live.entries.length,
  };
}
