import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { enterpriseScopeWhere } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/config";
import { ENTERPRISE_SHEET } from "@/lib/imports/sheets";
import { watermarkFor } from "@/lib/watermark/for-actor";
import { fileName, prefixed } from "./export-catalogue";
import { renderWorkbook } from "./workbook";

/**
 * The enterprises in the actor's scope as a workbook, parents before children, each with its
 * parent's and its supervisor's code so the tree survives the round trip.
 */
export async function exportRegistry(
  actor: Actor,
  query: { template?: "1" },
  options: { locale: Locale; now: Date },
) {
  const blank = query.template === "1";
  const rows = blank
    ? []
    : await getDb().enterprise.findMany({
        where: enterpriseScopeWhere(actor),
        include: {
          parent: { select: { code: true } },
          supervisor: { select: { code: true } },
          partySupervisor: { select: { code: true } },
        },
        orderBy: [{ depth: "asc" }, { sortOrder: "asc" }, { code: "asc" }],
      });
  const bytes = await renderWorkbook(
    [
      {
        def: ENTERPRISE_SHEET,
        rows: rows.map((e) => ({
          ...prefixed("enterprise", e),
          "enterprise.parentCode": e.parent?.code ?? null,
          "enterprise.supervisorCode": e.supervisor.code,
          "enterprise.partySupervisorCode": e.partySupervisor?.code ?? null,
        })),
      },
    ],
    { locale: options.locale, now: options.now, watermark: watermarkFor(actor, options.now) },
  );
  return { bytes, fileName: fileName(options, "registry", null, blank) };
}
