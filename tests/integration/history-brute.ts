/**
 * The dashboard's figures recomputed by brute force from the raw history rows, in TypeScript,
 * for tests/integration/dashboard-property.test.ts, and the history changes that test makes
 * through the lib/history writers before it samples. Independent of population.ts on purpose:
 * spans are read as plain rows and the tree is walked parent by parent.
 */
import type { Actor } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { moveEnterprise } from "@/lib/history/move-enterprise";
import { reclassifyTask } from "@/lib/history/reclassify-task";
import { setItemNotApplicable } from "@/lib/history/set-item-not-applicable";
import { addDays } from "@/lib/time";

type Span = { validFrom: Date; validTo: Date | null };
const holds = (s: Span, at: Date) => s.validFrom <= at && (s.validTo === null || s.validTo > at);

export type Item = {
  id: string;
  programmeId: string;
  enterpriseId: string;
  createdAt: Date;
  completedAt: Date | null;
  weight100: number;
  spans: (Span & { isMain: boolean; categoryId: string; notApplicable: boolean })[];
  events: { at: Date; id: bigint; toStatus: string; percentDone: number }[];
  entries: { at: Date; percentDone: number }[];
};

/** One item as it stood at `at`, by the rules of population.ts; null before it existed. */
export function itemAt(i: Item, at: Date) {
  const span = i.spans.find((s) => holds(s, at));
  if (i.createdAt > at || !span) return null;
  const events = i.events.filter((e) => e.at <= at);
  const event = events.reduce<Item["events"][number] | null>(
    (a, e) => (!a || e.at > a.at || (+e.at === +a.at && e.id > a.id) ? e : a),
    null,
  );
  const entry = i.entries
    .filter((e) => e.at <= at)
    .reduce<Item["entries"][number] | null>((a, e) => (!a || e.at > a.at ? e : a), null);
  // The later of the two; on a tie the status event wins.
  const percentDone =
    event && (!entry || event.at >= entry.at) ? event.percentDone : (entry?.percentDone ?? 0);
  return {
    ...span,
    completed: i.completedAt !== null && i.completedAt <= at,
    claimPending: event?.toStatus === "COMPLETION_CLAIMED",
    percentDone,
  };
}

/** The tree and supervisors as recorded in the span tables. */
export class TreeHistory {
  constructor(
    private readonly parentSpans: Map<string, (Span & { parentId: string })[]>,
    private readonly selfSpans: Map<string, Span[]>,
    private readonly supervisorSpans: Map<string, (Span & { supervisorId: string })[]>,
  ) {}

  exists(enterpriseId: string, at: Date) {
    return (this.selfSpans.get(enterpriseId) ?? []).some((s) => holds(s, at));
  }
  parentAt(enterpriseId: string, at: Date): string | null {
    return (this.parentSpans.get(enterpriseId) ?? []).find((s) => holds(s, at))?.parentId ?? null;
  }
  supervisorAt(enterpriseId: string, at: Date): string | null {
    const spans = this.supervisorSpans.get(enterpriseId) ?? [];
    return spans.find((s) => holds(s, at))?.supervisorId ?? null;
  }
  /** The enterprise and its ancestors at `at`, walking the parent spans. */
  pathAt(enterpriseId: string, at: Date): string[] {
    if (!this.exists(enterpriseId, at)) return [];
    const out: string[] = [];
    for (let id: string | null = enterpriseId; id; id = this.parentAt(id, at)) out.push(id);
    return out;
  }
}

export async function loadHistory(prisma: PrismaClient) {
  const [raw, spans, events, entries, closure, supervisors] = await Promise.all([
    prisma.ledgerItem.findMany({
      select: {
        id: true,
        programmeId: true,
        enterpriseId: true,
        createdAt: true,
        completedAt: true,
        task: { select: { weight: true } },
      },
    }),
    prisma.ledgerItemSpan.findMany(),
    prisma.ledgerStatusEvent.findMany({
      select: { ledgerItemId: true, id: true, at: true, toStatus: true, percentDone: true },
    }),
    prisma.progressEntry.findMany({
      select: { ledgerItemId: true, createdAt: true, percentDone: true },
    }),
    prisma.enterpriseClosureSpan.findMany({ where: { depth: { lte: 1 } } }),
    prisma.enterpriseSupervisorSpan.findMany(),
  ]);
  const group = <T, K>(rows: T[], key: (r: T) => K) => {
    const m = new Map<K, T[]>();
    for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
    return m;
  };
  const spansOf = group(spans, (s) => s.ledgerItemId);
  const eventsOf = group(events, (e) => e.ledgerItemId);
  const entriesOf = group(entries, (e) => e.ledgerItemId);
  const items: Item[] = raw.map(({ task, ...i }) => ({
    ...i,
    weight100: Math.round(Number(task.weight) * 100),
    spans: spansOf.get(i.id) ?? [],
    events: eventsOf.get(i.id) ?? [],
    entries: (entriesOf.get(i.id) ?? []).map((e) => ({
      at: e.createdAt,
      percentDone: e.percentDone,
    })),
  }));
  const parents = closure
    .filter((c) => c.depth === 1)
    .map((c) => ({ ...c, parentId: c.ancestorId }));
  const tree = new TreeHistory(
    group(parents, (c) => c.descendantId),
    group(
      closure.filter((c) => c.depth === 0),
      (c) => c.descendantId,
    ),
    group(supervisors, (s) => s.enterpriseId),
  );
  return { items, tree };
}

/**
 * Changes history before the property samples, through the writers, at recent instants (after
 * the period end of every closed round, so the frozen snapshots stay true): per programme, items
 * marked not applicable and a task reclassified (category, then main flag); then a subsidiary
 * moved to another group and supervisor. Returns the instants (the move last) and the nodes the
 * move touched, so the property can sample days around them.
 */
export async function changeHistory(
  prisma: PrismaClient,
  actor: Actor,
): Promise<{ instants: Date[]; nodes: { supervisorId?: string; enterpriseId?: string }[] }> {
  const run = (
    f: (tx: Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0]) => Promise<unknown>,
  ) => prisma.$transaction(async (tx) => f(tx));
  const now = Date.now();
  const closed = await prisma.reportingRound.aggregate({
    where: { status: "CLOSED" },
    _max: { periodEnd: true },
  });
  const after = addDays(closed._max.periodEnd ?? new Date(0), 2).getTime();
  const from = Math.max(after, now - 30 * 86_400_000);
  const instant = (k: number) => new Date(from + ((now - from) * k) / 8);
  const instants: Date[] = [];
  const programmes = await prisma.programme.findMany({ orderBy: { startDate: "asc" } });
  for (const [n, p] of programmes.entries()) {
    const [tNa, tCat, tMain] = [instant(1 + n), instant(3 + n), instant(5 + n)];
    instants.push(tNa, tCat, tMain);
    const items = await prisma.ledgerItem.findMany({
      where: { programmeId: p.id, isMain: true, notApplicable: false },
      orderBy: { id: "asc" },
      select: { id: true, taskId: true, categoryId: true },
    });
    for (const item of items.filter((_, i) => i % 97 === n).slice(0, 4))
      await run((tx) =>
        setItemNotApplicable(tx, { itemId: item.id, reason: "不涉及", at: tNa, actor }),
      );
    const task = items[items.length >> 1]!;
    const other = await prisma.category.findFirstOrThrow({
      where: { programmeId: p.id, id: { not: task.categoryId } },
    });
    await run((tx) =>
      reclassifyTask(tx, { taskId: task.taskId, categoryId: other.id, at: tCat, actor }),
    );
    await run((tx) => reclassifyTask(tx, { taskId: task.taskId, isMain: false, at: tMain, actor }));
  }
  // A subsidiary with children moves under a group of another supervisor, with its subtree.
  const sc = await prisma.supervisor.findUniqueOrThrow({ where: { code: "SASAC-SC" } });
  const hn = await prisma.supervisor.findUniqueOrThrow({ where: { code: "SASAC-HN" } });
  const moved = await prisma.enterprise.findFirstOrThrow({
    where: { supervisorId: sc.id, depth: 1, children: { some: {} } },
    orderBy: { code: "asc" },
  });
  const target = await prisma.enterprise.findFirstOrThrow({
    where: { supervisorId: hn.id, depth: 0 },
    orderBy: { code: "asc" },
  });
  const tMove = instant(4);
  instants.push(tMove);
  await run((tx) =>
    moveEnterprise(tx, {
      enterpriseId: moved.id,
      parentId: target.id,
      supervisorId: hn.id,
      at: tMove,
      actor,
    }),
  );
  const nodes = [
    { enterpriseId: moved.parentId! },
    { enterpriseId: target.id },
    { enterpriseId: moved.id },
    { supervisorId: sc.id },
    { supervisorId: hn.id },
  ];
  return { instants, nodes };
}
