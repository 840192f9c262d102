/**
 * An enterprise's forecast, and each of its children's, from the counts at the forecast window's
 * start (read for the node and its children in one pass, lib/dashboard/children.ts
 * windowCounts) against the dashboard of that very day, whose figures come another way (the
 * as-of pass): the pace is the change of rate between the two, over the window.
 */
import { describe, expect, it } from "vitest";
import { FORECAST_WINDOW_MONTHS, monthsBefore, paceOf } from "@/lib/dashboard/forecast";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { addDays, chinaDay, isoDay, parseIsoDay } from "@/lib/time";
import { seededWithAdmin } from "./fixtures";

const file = seededWithAdmin();

describe("an enterprise's forecast", () => {
  it("is the pace since the window's start, for the node and each child", async () => {
    const [programme] = await file.db.prisma.programme.findMany({ select: { id: true }, take: 1 });
    // Groups with subsidiaries and items of their own.
    const groups = await file.db.prisma.enterprise.findMany({
      where: { depth: 0, children: { some: {} }, ledgerItems: { some: { isMain: true } } },
      select: { id: true },
      take: 4,
    });
    expect(groups.length).toBeGreaterThan(1);
    let children = 0;
    for (const { id } of groups)
      for (const day of [chinaDay(), addDays(chinaDay(), -50), parseIsoDay("2025-08-20")]) {
        const ask = (asOf: Date) =>
          getDashboard(
            file.admin,
            { programmeId: programme!.id, enterpriseId: id, asOf: isoDay(asOf) },
            { live: true },
          );
        const now = await ask(day);
        const then = await ask(monthsBefore(day, FORECAST_WINDOW_MONTHS));
        expect({ id, day, pace: now.forecast.pacePointsPerMonth }).toEqual({
          id,
          day,
          pace: paceOf(now.headline, then.headline),
        });
        for (const child of now.children) {
          const before = then.children.find((c) => c.id === child.id);
          if (!before) continue;
          expect({ child: child.id, day, pace: child.forecast.pacePointsPerMonth }).toEqual({
            child: child.id,
            day,
            pace: paceOf(child, before),
          });
          children++;
        }
      }
    expect(children).toBeGreaterThan(10);
  }, 120_000);
});
