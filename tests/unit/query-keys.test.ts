import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { catalogueQueries } from "@/lib/catalogue/query-options";
import { enterpriseQueries } from "@/lib/enterprises/query-options";
import { ledgerQueries } from "@/lib/ledger/query-options";
import { noticeQueries } from "@/lib/notices/query-options";
import { notificationQueries } from "@/lib/notifications/query-options";
import { reviewQueries } from "@/lib/review/query-options";

/*
 * Every view of a feature's data is read under that feature's root key, so one invalidation after
 * a write refreshes all of them: the ledger list, an item page, and the one-page pickers of the
 * notice form and the round filing panel (which once had keys of their own and kept stale rows).
 */

const startsWith = (key: readonly unknown[], root: readonly unknown[]) =>
  root.every((part, i) => key[i] === part);

describe("query keys", () => {
  it("puts every ledger view under the ledger's root key", () => {
    const views = [
      ledgerQueries.list({ sort: "dueDate", order: "asc" }).queryKey,
      ledgerQueries.item("00000000-0000-4000-8000-000000000001").queryKey,
      ledgerQueries.page({ overdue: true, sort: "dueDate", limit: 50 }).queryKey,
      ledgerQueries.page({ enterpriseId: "e", programmeId: "p", mainOnly: true, limit: 200 })
        .queryKey,
    ];
    for (const key of views) expect(startsWith(key, ledgerQueries.all)).toBe(true);
    // The pickers are lists: a list refresh reaches them too.
    const picker = ledgerQueries.page({ overdue: true, limit: 50 }).queryKey;
    expect(startsWith(picker, ledgerQueries.lists())).toBe(true);
  });

  it("keeps each feature under its own root", () => {
    expect(startsWith(reviewQueries.list({}).queryKey, reviewQueries.all)).toBe(true);
    expect(startsWith(noticeQueries.detail("n").queryKey, noticeQueries.all)).toBe(true);
    expect(startsWith(notificationQueries.unread().queryKey, notificationQueries.all)).toBe(true);
    expect(startsWith(notificationQueries.list(true).queryKey, notificationQueries.all)).toBe(true);
    expect(startsWith(enterpriseQueries.children("p").queryKey, enterpriseQueries.all)).toBe(true);
    for (const view of [
      catalogueQueries.programmes(),
      catalogueQueries.programme("p"),
      catalogueQueries.tasks("p"),
      catalogueQueries.task("t"),
    ]) {
      expect(startsWith(view.queryKey, catalogueQueries.all)).toBe(true);
    }
  });

  it("marks the notice form's and the filing panel's cached rows stale on one ledger invalidation", async () => {
    const client = new QueryClient();
    const candidates = ledgerQueries.page({ overdue: true, sort: "dueDate", limit: 50 });
    const missing = ledgerQueries.page({ enterpriseId: "e", mainOnly: true, limit: 200 });
    const unrelated = noticeQueries.detail("n");
    const page = { items: [], nextCursor: null, total: 0, totalCapped: false };
    client.setQueryData(candidates.queryKey, page);
    client.setQueryData(missing.queryKey, page);
    client.setQueryData(unrelated.queryKey, {} as never);
    await client.invalidateQueries({ queryKey: ledgerQueries.all });
    expect(client.getQueryState(candidates.queryKey)?.isInvalidated).toBe(true);
    expect(client.getQueryState(missing.queryKey)?.isInvalidated).toBe(true);
    expect(client.getQueryState(unrelated.queryKey)?.isInvalidated).toBe(false);
  });
});
