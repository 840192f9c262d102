import type { ReportingRound } from "@/lib/generated/prisma/client";

export function toRoundDto(
  r: Pick<
    ReportingRound,
    | "id"
    | "programmeId"
    | "period"
    | "periodType"
    | "windowOpensAt"
    | "windowClosesAt"
    | "status"
    | "closedAt"
  >,
) {
  return {
    id: r.id,
    programmeId: r.programmeId,
    period: r.period,
    periodType: r.periodType,
    windowOpensAt: r.windowOpensAt.toISOString(),
    windowClosesAt: r.windowClosesAt.toISOString(),
    status: r.status,
    closedAt: r.closedAt ? r.closedAt.toISOString() : null,
  };
}
