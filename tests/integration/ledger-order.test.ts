import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { listLedgerItems } from "@/lib/ledger/queries";
import { LEDGER_SORTS, LedgerListQuery } from "@/lib/ledger/schemas";
import { seededTestDatabase, type TestDatabase } from "./setup/db";
import { actorFor } from "./fixtures";

let db: TestDatabase;
let liaison: Actor;
let reviewer: Actor;

beforeAll(async () => {
  db = await seededTestDatabase();
  liaison = await actorFor(db.prisma, "liaison-crrc");
  reviewer = await actorFor(db.prisma, "reviewer-central");
});
afterAll(async () => {
  await db?.drop();
});

const query = (q: Record<string, string>) => LedgerListQuery.parse(q);

/** Every page of a view, following the cursor. */
async function allPages(actor: Actor, q: Record<string, string>, limit: number) {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 500; i++) {
    const page = await listLedgerItems(
      actor,
      query({ ...q, limit: String(limit), ...(cursor ? { cursor } : {}) }),
    );
    ids.push(...page.items.map((r) => r.id));
    if (!page.nextCursor) return { ids, total: page.total };
    cursor = page.nextCursor;
  }
  throw new Error("paging did not end");
}

const RANK = { red: 0, yellow: 1, blue: 2, green: 3, done: 4, na: 5 } as const;

describe("ledger order and colour filters", () => {
  it("orders by urgency by default: open red, yellow, blue, green by due date; completed last", async () => {
    const page = await listLedgerItems(liaison, query({ limit: "200" }));
    expect(page.total).toBeLessThanOrEqual(200);
    const keys = page.items.map((r) => ({
      rank: Math.min(RANK[r.colour.colour], 4),
      due: r.dueDate,
    }));
    for (let i = 1; i < keys.length; i++) {
      const [a, b] = [keys[i - 1]!, keys[i]!];
      expect(a.rank).toBeLessThanOrEqual(b.rank);
      if (a.rank === b.rank && a.rank < 4) expect(a.due <= b.due).toBe(true);
      if (a.rank === b.rank && a.rank === 4) expect(a.due >= b.due).toBe(true);
    }
    expect(page.items[0]!.colour.colour).not.toBe("done");
  });

  it("pages every sort and order exactly: no row skipped or repeated", async () => {
    for (const actor of [liaison, reviewer]) {
      const whole = await listLedgerItems(actor, query({ limit: "200" }));
      for (const sort of LEDGER_SORTS) {
        for (const order of ["asc", "desc"]) {
          const single = await listLedgerItems(actor, query({ sort, order, limit: "200" }));
          const paged = await allPages(actor, { sort, order }, actor === liaison ? 7 : 41);
          // The first 200 in one page equal the first 200 in pages of 7; then all are there once.
          expect(paged.ids.slice(0, single.items.length), `${sort} ${order}`).toEqual(
            single.items.map((r) => r.id),
          );
          expect(paged.ids.length).toBe(whole.total);
          expect(new Set(paged.ids).size).toBe(paged.ids.length);
          expect(paged.total).toBe(whole.total);
        }
      }
    }
  }, 180_000);

  it("filters by every colour now, as the rows' own colour says", async () => {
    const all = await listLedgerItems(liaison, query({ limit: "200" }));
    for (const colour of ["red", "yellow", "blue", "green", "done", "na"] as const) {
      const page = await listLedgerItems(liaison, query({ colour, limit: "200" }));
      const expected = all.items.filter((r) => r.colour.colour === colour).map((r) => r.id);
      expect(page.items.map((r) => r.id).sort(), colour).toEqual(expected.sort());
      expect(page.total).toBe(expected.length);
    }
    const atRisk = await listLedgerItems(liaison, query({ colour: "atRisk", limit: "200" }));
    expect(atRisk.items.every((r) => ["red", "yellow"].includes(r.colour.colour))).toBe(true);
  });

  it("sorts by colour: red, yellow, blue, green, completed, not applicable", async () => {
    const page = await listLedgerItems(liaison, query({ sort: "colour", limit: "200" }));
    const ranks = page.items.map((r) => RANK[r.colour.colour]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("needs my action: a liaison's open red/yellow items are in it, completed ones never", async () => {
    const page = await listLedgerItems(liaison, query({ needsAction: "true", limit: "200" }));
    const all = await listLedgerItems(liaison, query({ limit: "200" }));
    const inAction = new Set(page.items.map((r) => r.id));
    for (const row of all.items) {
      const open = row.status === "NOT_STARTED" || row.status === "IN_PROGRESS";
      if (open && !row.notApplicable && ["red", "yellow"].includes(row.colour.colour))
        expect(inAction.has(row.id)).toBe(true);
      if (row.status === "COMPLETED") expect(inAction.has(row.id)).toBe(false);
    }
  });

  it("needs my action: a reviewer sees the items with entries waiting for a decision", async () => {
    const page = await listLedgerItems(reviewer, query({ needsAction: "true", limit: "200" }));
    const waiting = await db.prisma.progressEntry.findMany({
      where: { reviewState: { in: ["SUBMITTED", "CONFIRMED"] } },
      select: { ledgerItemId: true },
    });
    const ids = new Set(page.items.map((r) => r.id));
    for (const id of ids) expect(waiting.some((w) => w.ledgerItemId === id)).toBe(true);
  });
});
