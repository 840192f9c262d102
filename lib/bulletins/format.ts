import type { DashboardDto } from "@/lib/dashboard/schemas";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/messages";
import { TIME_ZONE } from "@/lib/time";
import type { BulletinFormat } from "./schemas";

/**
 * A bulletin's content and the formatting both renderers share. No database and no server-only
 * import: the PDF renderer also runs in a plain Node child process (see render-file.ts).
 */
export type BulletinCase = {
  id: string;
  titleZh: string;
  titleEn: string;
  summaryZh: string;
  summaryEn: string;
  /** ISO instant. */
  publishedAt: string;
  /** The linked enterprises the reader may see (never the names of other trees). */
  enterprises: { id: string; nameZh: string; nameEn: string }[];
};

/** Everything a bulletin file shows: the dashboard of the node, its typical cases, the language. */
export type Bulletin = {
  dashboard: DashboardDto;
  cases: BulletinCase[];
  locale: Locale;
  /** ISO instant. */
  generatedAt: string;
};

/** The bulletin's table rows: what decides between answering at once and a background job. */
export function bulletinRows(bulletin: Bulletin): number {
  const d = bulletin.dashboard;
  return d.children.length + d.byCategory.length + d.atRisk.items.length + bulletin.cases.length;
}

/** "通报-SDU-2023-2024-05-31.pdf" / "Bulletin-SDU-2023-2024-05-31.xlsx". */
export function bulletinFileName(bulletin: Bulletin, format: BulletinFormat): string {
  const stem = translator(bulletin.locale)("bulletin.fileStem");
  const code = bulletin.dashboard.programme.code.replace(/[^\p{L}\p{N}_-]+/gu, "_");
  return `${stem}-${code}-${bulletin.dashboard.asOf}.${format}`;
}

/** Formatting shared by the PDF and the Excel file, in the bulletin's language. */
export function bulletinFormat(locale: Locale) {
  const t = translator(locale);
  const percent = new Intl.NumberFormat(locale, {
    style: "percent",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const targetPercent = new Intl.NumberFormat(locale, {
    style: "percent",
    maximumFractionDigits: 2,
  });
  // Days are "YYYY-MM-DD" calendar days: format them in UTC so no zone shifts them.
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  const time = new Intl.DateTimeFormat(locale, {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: TIME_ZONE,
  });
  return {
    t,
    rate: (value: number | null) => (value === null ? "—" : percent.format(value / 100)),
    targetRate: (value: number) => targetPercent.format(value / 100),
    day: (iso: string) => day.format(new Date(`${iso}T00:00:00Z`)),
    dateTime: (instant: string) => time.format(new Date(instant)),
    name: (row: { nameZh: string; nameEn: string }) => (locale === "en" ? row.nameEn : row.nameZh),
    pick: (zh: string, en: string) => (locale === "en" ? en : zh),
  };
}
export type BulletinFormatter = ReturnType<typeof bulletinFormat>;

/** The headline target as text: "2024年12月31日前完成70%" / "70% by December 31, 2024". */
export function targetText(f: BulletinFormatter, target: DashboardDto["headline"]["target"]) {
  if (!target) return f.t("bulletin.noTarget");
  return f.t("bulletin.targetText", {
    date: f.day(target.dueDate),
    rate: f.targetRate(target.ratePercent),
  });
}
