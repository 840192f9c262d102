import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import type { DashboardQuery } from "@/lib/dashboard/schemas";
import type { Locale } from "@/lib/i18n/config";
import { endOfChinaDay } from "@/lib/time";
import type { Bulletin } from "./format";
import { listBulletinCases } from "./typical-cases";

/**
 * Builds a bulletin for a node as of a day: the dashboard read model (the same figures as the
 * page) plus the typical cases in scope. Null when there is no programme; a node outside the
 * actor's scope is a not_found from getDashboard.
 */
export async function buildBulletin(
  actor: Actor,
  query: DashboardQuery,
  options: { locale: Locale; now?: Date },
): Promise<Bulletin | null> {
  const now = options.now ?? new Date();
  const dashboard = await getDashboard(actor, { ...query, compareTo: undefined }, { now });
  if (!dashboard) return null;
  const cases = await listBulletinCases(actor, {
    programmeId: dashboard.programme.id,
    asOf: endOfChinaDay(dashboard.asOf),
    supervisorId: query.supervisorId,
    enterpriseId: query.enterpriseId,
  });
  return { dashboard, cases, locale: options.locale, generatedAt: now.toISOString() };
}
