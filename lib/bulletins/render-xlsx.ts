import ExcelJS from "exceljs";
import { bulletinFormat, targetText, type Bulletin } from "./format";
import { ranked } from "./ranking";

type Col = { key: string; label: string; width: number; percent?: boolean };

/**
 * The bulletin as an Excel workbook: one sheet per section. Row 1 holds the labels in the
 * bulletin's language, row 2 the stable column keys (the product's Excel convention, so macros
 * and imports survive a change of language); numbers stay numbers, rates are fractions shown
 * as percentages, the two header rows are frozen.
 */
export async function renderBulletinXlsx(
  bulletin: Bulletin,
  options: { watermark?: string } = {},
): Promise<Buffer> {
  const f = bulletinFormat(bulletin.locale);
  const { t } = f;
  const d = bulletin.dashboard;
  const h = d.headline;
  const book = new ExcelJS.Workbook();
  book.creator = "Reform Ledger";
  book.created = new Date(bulletin.generatedAt);
  const rate = (v: number | null) => (v === null ? null : v / 100);

  const sheet = (name: string, cols: Col[], rows: Record<string, unknown>[]) => {
    const ws = book.addWorksheet(name, { views: [{ state: "frozen", ySplit: 2 }] });
    ws.columns = cols.map((c) => ({ key: c.key, width: c.width }));
    const labels = ws.addRow(cols.map((c) => c.label));
    labels.font = { bold: true };
    const keys = ws.addRow(cols.map((c) => c.key));
    keys.font = { italic: true, color: { argb: "FF64748B" } };
    for (const row of rows) ws.addRow(cols.map((c) => row[c.key] ?? null));
    cols.forEach((c, i) => {
      if (c.percent) ws.getColumn(i + 1).numFmt = "0.00%";
    });
    return ws;
  };

  sheet(
    t("bulletin.sheets.overview"),
    [
      { key: "key", label: t("bulletin.code"), width: 16 },
      { key: "item", label: t("bulletin.metric"), width: 30 },
      { key: "value", label: t("bulletin.value"), width: 28 },
      { key: "formula", label: t("bulletin.formula"), width: 80 },
    ],
    [
      { key: "title", item: t("bulletin.title", { date: f.day(d.asOf) }) },
      { key: "programme", item: t("bulletin.programme"), value: f.name(d.programme) },
      { key: "node", item: t("bulletin.node"), value: f.name(d.node) },
      { key: "asOf", item: t("bulletin.asOf"), value: d.asOf },
      {
        key: "completionRate",
        item: t("bulletin.completionRate"),
        value: rate(h.ratePercent),
        formula: t("bulletin.completionFormula"),
      },
      { key: "completed", item: t("bulletin.completed"), value: h.completed },
      { key: "total", item: t("bulletin.total"), value: h.total },
      { key: "target", item: t("bulletin.target"), value: targetText(f, h.target) },
      { key: "tasksNeeded", item: t("bulletin.tasksNeeded"), value: h.tasksNeeded },
      {
        key: "standing",
        item: t("bulletin.standing"),
        value: t(`bulletin.standings.${h.standing}`),
      },
      { key: "pendingClaims", item: t("bulletin.pendingClaims"), value: h.pendingClaims },
      {
        key: "weightedProgress",
        item: t("bulletin.weightedProgress"),
        value: rate(d.weightedProgressPercent),
        formula: t("bulletin.weightedFormula"),
      },
      {
        key: "generatedAt",
        item: t("bulletin.generatedAt", { time: f.dateTime(bulletin.generatedAt) }),
      },
    ],
  );
  // Rates in the overview are the two metric rows: format those cells only.
  const overview = book.getWorksheet(t("bulletin.sheets.overview"))!;
  overview.getCell("C7").numFmt = "0.00%";
  overview.getCell("C14").numFmt = "0.00%";

  sheet(
    t("bulletin.sheets.children"),
    [
      { key: "rank", label: t("bulletin.rank"), width: 8 },
      { key: "code", label: t("bulletin.code"), width: 14 },
      { key: "name", label: t("bulletin.name"), width: 40 },
      { key: "total", label: t("bulletin.total"), width: 14 },
      { key: "completed", label: t("bulletin.completed"), width: 12 },
      { key: "rate", label: t("bulletin.rate"), width: 12, percent: true },
      { key: "red", label: t("bulletin.red"), width: 8 },
      { key: "yellow", label: t("bulletin.yellow"), width: 8 },
    ],
    ranked(d.children).map((c) => ({
      ...c,
      name: f.name(c),
      rate: rate(c.ratePercent),
    })),
  );
  sheet(
    t("bulletin.sheets.categories"),
    [
      { key: "code", label: t("bulletin.code"), width: 12 },
      { key: "category", label: t("bulletin.category"), width: 40 },
      { key: "total", label: t("bulletin.total"), width: 14 },
      { key: "completed", label: t("bulletin.completed"), width: 12 },
      { key: "rate", label: t("bulletin.rate"), width: 12, percent: true },
    ],
    d.byCategory.map((c) => ({ ...c, category: f.name(c), rate: rate(c.ratePercent) })),
  );
  sheet(
    t("bulletin.sheets.lagging"),
    [
      { key: "taskCode", label: t("bulletin.code"), width: 14 },
      { key: "task", label: t("bulletin.task"), width: 40 },
      { key: "enterprise", label: t("bulletin.enterprise"), width: 36 },
      { key: "dueDate", label: t("bulletin.dueDate"), width: 12 },
      { key: "status", label: t("bulletin.status"), width: 12 },
      { key: "percentDone", label: t("bulletin.percentDone"), width: 10, percent: true },
    ],
    d.atRisk.items.map((i) => ({
      taskCode: i.task.code,
      task: f.pick(i.task.titleZh, i.task.titleEn),
      enterprise: f.name(i.enterprise),
      dueDate: i.dueDate,
      status: t(`status.${i.status}`),
      percentDone: i.percentDone / 100,
    })),
  );
  sheet(
    t("bulletin.sheets.cases"),
    [
      { key: "title", label: t("bulletin.caseTitle"), width: 36 },
      { key: "enterprises", label: t("bulletin.enterprise"), width: 36 },
      { key: "summary", label: t("bulletin.summary"), width: 80 },
      { key: "published", label: t("bulletin.published"), width: 14 },
    ],
    bulletin.cases.map((c) => ({
      title: f.pick(c.titleZh, c.titleEn),
      enterprises: c.enterprises.map((e) => f.name(e)).join(bulletin.locale === "en" ? ", " : "、"),
      summary: f.pick(c.summaryZh, c.summaryEn),
      published: c.publishedAt.slice(0, 10),
    })),
  );
  if (options.watermark) {
    // Excel has no watermark: the name and time go in every sheet's printed header and footer
    // ("&" starts a code there, so it is doubled; &8 is the font size).
    const text = `&8${options.watermark.replaceAll("&", "&&")}`;
    book.eachSheet((ws) => {
      ws.headerFooter = { oddHeader: `&C${text}`, oddFooter: `&C${text}` };
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
