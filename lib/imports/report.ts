import "server-only";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/messages";
import type { ParsedSheet } from "./parse-sheets";
import type { SheetCount } from "./plan";
import type { Problems } from "./problems";
import type { ImportKind, ImportReport } from "./schemas";

/** The report in the caller's language: each problem's message and column label, sheet names. */
export function translateReport(
  locale: Locale,
  input: {
    kind: ImportKind;
    dryRun: boolean;
    applied: boolean;
    rows: number;
    problems: Problems;
    counts: SheetCount[];
    sheets: Map<string, ParsedSheet>;
  },
): ImportReport {
  const t = translator(locale);
  const label = (key: string) => {
    const path = `imports.columns.${key}`;
    return t.has(path as never) ? t(path as never) : key;
  };
  return {
    kind: input.kind,
    dryRun: input.dryRun,
    applied: input.applied,
    rows: input.rows,
    problemCount: input.problems.count,
    problems: input.problems.list.map((p) => ({
      sheet: p.sheet,
      row: p.row,
      key: p.key,
      column: p.key ? label(p.key) : null,
      cell: p.cell,
      message: t(
        `imports.problems.${p.code}` as never,
        {
          ...p.params,
          ...(p.params?.key ? { key: String(p.params.key) } : {}),
        } as never,
      ),
    })),
    sheets: input.counts.map((c) => ({
      ...c,
      name: input.sheets.get(c.id)?.name ?? t(`imports.sheets.${c.id}` as never),
    })),
  };
}
