/**
 * Three-colour status by rule (configurable per programme):
 *   red    = overdue: past the due date and not completed
 *   yellow = behind plan: percent done trails the straight line from the programme start to the
 *            due date by more than `behindPlanPoints`, or no update since the last closed
 *            reporting round's period began
 *   blue   = due within `dueSoonDays`
 *   green  = on track
 * Completed and not-applicable items have no colour. Pure, so the rule is tested as a table.
 */
import { DAY_MS } from "@/lib/time";

export type Colour = "green" | "blue" | "yellow" | "red" | "done" | "na";

export type ColourRule = {
  startDate: Date;
  dueSoonDays: number;
  behindPlanPoints: number;
  /** Start of the period of the programme's last closed round, if any. */
  lastRoundPeriodStart?: Date | null;
};

export type ColourResult = {
  colour: Colour;
  /** Why: the message key under "colour.reason" and its values, shown beside the colour. */
  reason: {
    key:
      "completed" | "notApplicable" | "overdue" | "behindPlan" | "noUpdate" | "dueSoon" | "onTrack";
    values: Record<string, number>;
  };
};

export function plannedPercent(startDate: Date, dueDate: Date, today: Date): number {
  const span = dueDate.getTime() - startDate.getTime();
  if (span <= 0) return 100;
  const elapsed = (today.getTime() - startDate.getTime()) / span;
  return Math.max(0, Math.min(100, Math.round(elapsed * 100)));
}

export function itemColour(
  item: {
    status: string;
    percentDone: number;
    dueDate: Date;
    notApplicable: boolean;
    lastEntryAt?: Date | null;
  },
  rule: ColourRule,
  today: Date,
): ColourResult {
  if (item.notApplicable) return { colour: "na", reason: { key: "notApplicable", values: {} } };
  if (item.status === "COMPLETED")
    return { colour: "done", reason: { key: "completed", values: {} } };
  const daysLeft = Math.round((item.dueDate.getTime() - today.getTime()) / DAY_MS);
  if (daysLeft < 0)
    return { colour: "red", reason: { key: "overdue", values: { days: -daysLeft } } };
  const planned = plannedPercent(rule.startDate, item.dueDate, today);
  if (item.percentDone < planned - rule.behindPlanPoints) {
    return {
      colour: "yellow",
      reason: {
        key: "behindPlan",
        values: { planned, actual: item.percentDone, points: rule.behindPlanPoints },
      },
    };
  }
  if (
    rule.lastRoundPeriodStart &&
    item.status !== "COMPLETION_CLAIMED" &&
    (!item.lastEntryAt || item.lastEntryAt < rule.lastRoundPeriodStart)
  ) {
    return { colour: "yellow", reason: { key: "noUpdate", values: {} } };
  }
  if (daysLeft <= rule.dueSoonDays)
    return {
      colour: "blue",
      reason: { key: "dueSoon", values: { days: daysLeft, within: rule.dueSoonDays } },
    };
  return { colour: "green", reason: { key: "onTrack", values: {} } };
}
