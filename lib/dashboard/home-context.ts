import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import { chinaDay, isoDay } from "@/lib/time";
import type { ViewContext } from "./view";

/**
 * A dashboard view context for the home pages' roll-ups: the viewer's whole scope at an instant
 * (`at` is the instant itself, not the end of its day, so "now" counts up to now). The homes run
 * the dashboard's own views with it, so their figures have one code path with the dashboard's.
 */
export function homeContext(actor: Actor, programmeId: string, at: Date): ViewContext {
  const day = chinaDay(at);
  return {
    db: getDb(),
    actor,
    programmeId,
    node: { type: "scope", id: null, nameZh: "全部", nameEn: "Whole scope" },
    day,
    at,
    asOf: isoDay(day),
    targets: [],
  };
}
