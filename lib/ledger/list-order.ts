import "server-only";
import { colourCaseSql } from "@/lib/dashboard/risk";
import { Prisma } from "@/lib/generated/prisma/client";
import { isoDay } from "@/lib/time";
import { LEDGER_STATUSES, type LedgerListFilter, type ListColour } from "./schemas";

/**
 * Each programme's colour-rule parameters and the period start of its last closed round. OFFSET 0
 * keeps it a derived table of a few rows (joined once), instead of the planner pulling it up and
 * running the round look-up once per item.
 */
const RULES = Prisma.sql`(
  SELECT p."id", p."startDate", p."behindPlanPoints", p."dueSoonDays",
    (SELECT max(r."periodStart") FROM "ReportingRound" r
     WHERE r."programmeId" = p."id" AND r."status" = 'CLOSED') AS "lastRoundStart"
  FROM "Programme" p OFFSET 0)`;

/** The list's FROM: the items (`li`) with their programme's rule (`pg`). */
export const LIST_FROM = Prisma.sql`"LedgerItem" li JOIN ${RULES} pg ON pg."id" = li."programmeId"`;

/**
 * An item's colour *now*, per row: the dashboard's SQL colour rule (lib/dashboard/risk.ts
 * colourCaseSql) over the items' current columns, the same inputs lib/ledger/rows.ts gives the TS
 * rule (status, percent, due date, last entry, the last closed round of the programme), so a
 * row's badge and the list's colour filter and order agree.
 */
export function currentColourSql(today: Date): Prisma.Sql {
  return colourCaseSql({
    day: Prisma.sql`${isoDay(today)}::date`,
    full: true,
    notApplicable: Prisma.sql`li."notApplicable"`,
    completed: Prisma.sql`(li."status" = 'COMPLETED')`,
    claimPending: Prisma.sql`(li."status" = 'COMPLETION_CLAIMED')`,
    percentDone: Prisma.sql`li."percentDone"`,
    dueDate: Prisma.sql`li."dueDate"`,
    lastEntryAt: Prisma.sql`li."lastEntryAt"`,
    lastRoundStart: Prisma.sql`pg."lastRoundStart"`,
    startDate: Prisma.sql`pg."startDate"`,
    behindPlanPoints: Prisma.sql`pg."behindPlanPoints"`,
    dueSoonDays: Prisma.sql`pg."dueSoonDays"`,
  });
}

/**
 * One part of an order: the rows of `where`, by `key` (then the id, always ascending). An order is
 * a list of segments read one after the other, so that the colour and urgency orders, which rank
 * rows by a colour computed per row, become ordered scans of the due-date index with the colour
 * checked per row, stopping at the page's end, instead of a sort of every item in scope.
 * `colours`: the colours a segment can hold (a colour filter skips the others).
 */
export type Segment = {
  where: Prisma.Sql;
  key: Prisma.Sql | null;
  /** The SQL type the cursor's text key is cast back to. */
  type: string;
  desc: boolean;
  colours?: readonly string[];
  /** A join the key needs. */
  join?: Prisma.Sql;
};

const TRUE = Prisma.sql`TRUE`;
/** Open rows: the predicate of the partial indexes of open items (written the same way). */
export const OPEN = Prisma.sql`NOT li."notApplicable" AND li."status" <> 'COMPLETED'`;

/** The colour segments, red to not applicable, each by due date. */
function colourSegments(today: Date, desc: boolean): Record<string, Segment> {
  const day = Prisma.sql`${isoDay(today)}::date`;
  const due = { key: Prisma.sql`li."dueDate"`, type: "date", desc };
  // Red is exactly "open and due before today"; the others need the rule, on open rows due later.
  // Blue is due within a programme's dueSoonDays and green after it: bounds on the index range,
  // so that reading past the last blue row (or up to the first green one) stops early.
  const soon = (f: "max" | "min") =>
    Prisma.sql`${day} + (SELECT ${Prisma.raw(f)}(p."dueSoonDays") FROM "Programme" p)`;
  const rule = (colour: string, bound: Prisma.Sql = Prisma.empty): Segment => ({
    ...due,
    where: Prisma.sql`${OPEN} AND li."dueDate" >= ${day} ${bound} AND ${currentColourSql(today)} = ${colour}`,
    colours: [colour],
  });
  return {
    red: { ...due, where: Prisma.sql`${OPEN} AND li."dueDate" < ${day}`, colours: ["red"] },
    yellow: rule("yellow"),
    blue: rule("blue", Prisma.sql`AND li."dueDate" <= ${soon("max")}`),
    green: rule("green", Prisma.sql`AND li."dueDate" > ${soon("min")}`),
    done: {
      ...due,
      where: Prisma.sql`NOT li."notApplicable" AND li."status" = 'COMPLETED'`,
      colours: ["done"],
    },
    na: { ...due, where: Prisma.sql`li."notApplicable"`, colours: ["na"] },
    closed: {
      ...due,
      desc: !desc,
      where: Prisma.sql`(li."notApplicable" OR li."status" = 'COMPLETED')`,
      colours: ["done", "na"],
    },
  };
}

/**
 * The segments of a sort, in the order they are read. The orders are those the list always had:
 *   urgency: open items by colour (red, yellow, blue, green), soonest due first; then completed
 *            and not-applicable items, latest due first (desc: the whole order reversed).
 *   colour:  red, yellow, blue, green, completed, not applicable; then soonest due first.
 *   lastEntryAt: items never updated last, in either direction.
 */
export function orderSegments(
  sort: LedgerListFilter["sort"],
  order: "asc" | "desc",
  today: Date,
): Segment[] {
  const desc = order === "desc";
  const reversed = (s: Segment[]) => (desc ? s.reverse() : s);
  const one = (key: string, type: string, join?: Prisma.Sql): Segment[] => [
    { where: TRUE, key: Prisma.raw(key), type, desc, join },
  ];
  switch (sort) {
    case "urgency": {
      const c = colourSegments(today, desc);
      return reversed([c.red!, c.yellow!, c.blue!, c.green!, c.closed!]);
    }
    case "colour": {
      const c = colourSegments(today, desc);
      return reversed([c.red!, c.yellow!, c.blue!, c.green!, c.done!, c.na!]);
    }
    case "dueDate":
      return one(`li."dueDate"`, "date");
    case "percentDone":
      return one(`li."percentDone"`, "int");
    case "status":
      return one(`li."status"`, `"LedgerStatus"`);
    case "task":
      return one(`t."code"`, "text", Prisma.sql`JOIN "Task" t ON t."id" = li."taskId"`);
    case "enterprise":
      return one(`e."code"`, "text", Prisma.sql`JOIN "Enterprise" e ON e."id" = li."enterpriseId"`);
    case "lastEntryAt":
      return [
        {
          where: Prisma.sql`li."lastEntryAt" IS NOT NULL`,
          key: Prisma.raw(`li."lastEntryAt"`),
          type: "timestamp",
          desc,
        },
        { where: Prisma.sql`li."lastEntryAt" IS NULL`, key: null, type: "text", desc: false },
      ];
  }
}

/** The colours a colour filter keeps, to skip segments that cannot hold them. */
export function filterColours(colour: ListColour | undefined, overdue: boolean): string[] | null {
  if (overdue) return ["red"];
  if (!colour) return null;
  return colour === "atRisk" ? ["red", "yellow"] : [colour];
}

const dayOk = (d: string) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
};
const KEY_OK: Record<string, (key: string) => boolean> = {
  date: (k) => /^\d{4}-\d{2}-\d{2}$/.test(k) && dayOk(k),
  timestamp: (k) =>
    /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?$/.test(k) &&
    dayOk(k.slice(0, 10)) &&
    !Number.isNaN(Date.parse(`${k.replace(" ", "T")}Z`)),
  int: (k) => /^-?\d{1,9}$/.test(k),
  [`"LedgerStatus"`]: (k) => (LEDGER_STATUSES as readonly string[]).includes(k),
  text: (k) => !k.includes("\u0000"),
};

/** Whether a cursor's key can be cast back to the segment's type (else the cursor is invalid). */
export function keyFits(segment: Segment | undefined, key: string | null): boolean {
  if (!segment) return false;
  if (!segment.key || key === null) return !segment.key && key === null;
  return KEY_OK[segment.type]?.(key) ?? false;
}

/** Rows after (key, id) in the segment's order. */
export function afterSql(segment: Segment, key: string | null, id: string): Prisma.Sql {
  const afterId = Prisma.sql`li."id" > ${id}::uuid`;
  if (!segment.key || key === null) return afterId;
  const k = Prisma.sql`${key}::${Prisma.raw(segment.type)}`;
  return segment.desc
    ? Prisma.sql`(${segment.key} < ${k} OR (${segment.key} = ${k} AND ${afterId}))`
    : Prisma.sql`(${segment.key}, li."id") > (${k}, ${id}::uuid)`;
}

export function orderBySql(segment: Segment): Prisma.Sql {
  return segment.key
    ? Prisma.sql`ORDER BY ${segment.key} ${Prisma.raw(segment.desc ? "DESC" : "ASC")}, li."id"`
    : Prisma.sql`ORDER BY li."id"`;
}
