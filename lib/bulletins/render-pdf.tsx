import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { BULLETIN_FONT, registerBulletinFonts } from "./fonts";
import { bulletinFormat, targetText, type Bulletin, type BulletinFormatter } from "./format";
import { ranked } from "./ranking";

/** Options of a rendering; `watermark`: a faint rotated text on every page (name and time). */
export type RenderOptions = { watermark?: string };

/** The bulletin as an A4 PDF with the Chinese font embedded (subset to the glyphs used). */
export async function renderBulletinPdf(
  bulletin: Bulletin,
  options: RenderOptions = {},
): Promise<Buffer> {
  registerBulletinFonts();
  return renderToBuffer(<BulletinDocument bulletin={bulletin} watermark={options.watermark} />);
}

const s = StyleSheet.create({
  page: { fontFamily: BULLETIN_FONT, fontSize: 9, padding: "36 36 48 36", color: "#1e293b" },
  title: { fontSize: 16, fontWeight: 700, textAlign: "center", marginBottom: 4 },
  subtitle: { fontSize: 10, textAlign: "center", color: "#475569", marginBottom: 12 },
  h2: { fontSize: 12, fontWeight: 700, marginTop: 12, marginBottom: 6 },
  headline: { flexDirection: "row", gap: 8, marginBottom: 4 },
  figure: { flex: 1, border: "1 solid #cbd5e1", borderRadius: 3, padding: 6 },
  figureLabel: { fontSize: 8, color: "#475569" },
  figureValue: { fontSize: 14, fontWeight: 700, marginTop: 2 },
  row: { flexDirection: "row", borderBottom: "0.5 solid #e2e8f0", paddingVertical: 2 },
  head: { flexDirection: "row", borderBottom: "1 solid #64748b", paddingVertical: 2 },
  headCell: { fontWeight: 700, paddingHorizontal: 2 },
  cell: { paddingHorizontal: 2 },
  muted: { color: "#64748b" },
  watermark: {
    position: "absolute",
    top: 380,
    left: 0,
    right: 0,
    textAlign: "center",
    fontSize: 26,
    color: "#0f172a",
    opacity: 0.08,
    transform: "rotate(-30deg)",
  },
  case: { marginBottom: 6 },
  footer: {
    position: "absolute",
    bottom: 20,
    left: 36,
    right: 36,
    flexDirection: "row",
    justifyContent: "space-between",
    fontSize: 7,
    color: "#64748b",
  },
});

type Column<T> = { label: string; width: number; align?: "right"; value: (row: T) => string };

function Table<T>({ columns, rows }: { columns: Column<T>[]; rows: T[] }) {
  const cellStyle = (c: Column<T>) => ({
    width: `${c.width}%`,
    textAlign: c.align ?? ("left" as const),
  });
  return (
    <View>
      <View style={s.head} fixed>
        {columns.map((c) => (
          <Text key={c.label} style={[s.headCell, cellStyle(c)]}>
            {c.label}
          </Text>
        ))}
      </View>
      {rows.map((row, i) => (
        <View key={i} style={s.row} wrap={false}>
          {columns.map((c) => (
            <Text key={c.label} style={[s.cell, cellStyle(c)]}>
              {c.value(row)}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View>
      <Text style={s.h2} minPresenceAhead={40}>
        {title}
      </Text>
      {children}
    </View>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <View style={s.figure}>
      <Text style={s.figureLabel}>{label}</Text>
      <Text style={s.figureValue}>{value}</Text>
    </View>
  );
}

function Empty({ f }: { f: BulletinFormatter }) {
  return <Text style={s.muted}>{f.t("bulletin.none")}</Text>;
}

function BulletinDocument({ bulletin, watermark }: { bulletin: Bulletin; watermark?: string }) {
  const f = bulletinFormat(bulletin.locale);
  const { t } = f;
  const d = bulletin.dashboard;
  const h = d.headline;
  const title = t("bulletin.title", { date: f.day(d.asOf) });
  const count = (n: number) => String(n);
  return (
    <Document
      title={title}
      language={bulletin.locale}
      creator="Reform Ledger"
      producer="Reform Ledger"
    >
      <Page size="A4" style={s.page}>
        {watermark && (
          <Text style={s.watermark} fixed>
            {watermark}
          </Text>
        )}
        <Text style={s.title}>{title}</Text>
        <Text style={s.subtitle}>
          {f.name(d.programme)} · {f.name(d.node)}
        </Text>

        <View style={s.headline}>
          <Figure label={t("bulletin.headline")} value={f.rate(h.ratePercent)} />
          <Figure label={t("bulletin.completed")} value={`${h.completed} / ${h.total}`} />
          <Figure label={t("bulletin.target")} value={targetText(f, h.target)} />
          <Figure
            label={t("bulletin.tasksNeeded")}
            value={
              h.tasksNeeded === null
                ? "—"
                : t("bulletin.tasksNeededValue", { count: h.tasksNeeded })
            }
          />
        </View>
        <Text style={s.muted}>
          {t("bulletin.standing")}: {t(`bulletin.standings.${h.standing}`)}
        </Text>

        <Section title={t("bulletin.metrics")}>
          <Table
            columns={[
              { label: t("bulletin.metric"), width: 22, value: (r) => r.name },
              { label: t("bulletin.value"), width: 14, align: "right", value: (r) => r.value },
              { label: t("bulletin.formula"), width: 64, value: (r) => r.formula },
            ]}
            rows={[
              {
                name: t("bulletin.completionRate"),
                value: f.rate(h.ratePercent),
                formula: t("bulletin.completionFormula"),
              },
              {
                name: t("bulletin.weightedProgress"),
                value: f.rate(d.weightedProgressPercent),
                formula: t("bulletin.weightedFormula"),
              },
            ]}
          />
        </Section>

        <Section title={t("bulletin.children")}>
          {d.children.length ? (
            <Table
              columns={[
                { label: t("bulletin.rank"), width: 8, value: (r) => String(r.rank) },
                { label: t("bulletin.name"), width: 37, value: (r) => f.name(r) },
                {
                  label: t("bulletin.total"),
                  width: 13,
                  align: "right",
                  value: (r) => count(r.total),
                },
                {
                  label: t("bulletin.completed"),
                  width: 12,
                  align: "right",
                  value: (r) => count(r.completed),
                },
                {
                  label: t("bulletin.rate"),
                  width: 12,
                  align: "right",
                  value: (r) => f.rate(r.ratePercent),
                },
                { label: t("bulletin.red"), width: 9, align: "right", value: (r) => count(r.red) },
                {
                  label: t("bulletin.yellow"),
                  width: 9,
                  align: "right",
                  value: (r) => count(r.yellow),
                },
              ]}
              rows={ranked(d.children)}
            />
          ) : (
            <Empty f={f} />
          )}
        </Section>

        <Section title={t("bulletin.categories")}>
          {d.byCategory.length ? (
            <Table
              columns={[
                { label: t("bulletin.category"), width: 52, value: (r) => f.name(r) },
                {
                  label: t("bulletin.total"),
                  width: 16,
                  align: "right",
                  value: (r) => count(r.total),
                },
                {
                  label: t("bulletin.completed"),
                  width: 16,
                  align: "right",
                  value: (r) => count(r.completed),
                },
                {
                  label: t("bulletin.rate"),
                  width: 16,
                  align: "right",
                  value: (r) => f.rate(r.ratePercent),
                },
              ]}
              rows={d.byCategory}
            />
          ) : (
            <Empty f={f} />
          )}
        </Section>

        <Section title={t("bulletin.lagging")}>
          <Text style={s.muted}>
            {t("bulletin.laggingCount", {
              total: `${d.atRisk.total}${d.atRisk.totalCapped ? "+" : ""}`,
              shown: d.atRisk.items.length,
            })}
          </Text>
          {d.atRisk.items.length ? (
            <Table
              columns={[
                {
                  label: t("bulletin.task"),
                  width: 36,
                  value: (r) => `${r.task.code} ${f.pick(r.task.titleZh, r.task.titleEn)}`,
                },
                { label: t("bulletin.enterprise"), width: 28, value: (r) => f.name(r.enterprise) },
                { label: t("bulletin.dueDate"), width: 14, value: (r) => r.dueDate },
                { label: t("bulletin.status"), width: 12, value: (r) => t(`status.${r.status}`) },
                {
                  label: t("bulletin.percentDone"),
                  width: 10,
                  align: "right",
                  value: (r) => `${r.percentDone}%`,
                },
              ]}
              rows={d.atRisk.items}
            />
          ) : null}
        </Section>

        <Section title={t("bulletin.cases")}>
          {bulletin.cases.length ? (
            bulletin.cases.map((c) => (
              <View key={c.id} style={s.case} wrap={false}>
                <Text style={{ fontWeight: 700 }}>{f.pick(c.titleZh, c.titleEn)}</Text>
                <Text style={s.muted}>{c.enterprises.map((e) => f.name(e)).join("、")}</Text>
                <Text>{f.pick(c.summaryZh, c.summaryEn)}</Text>
              </View>
            ))
          ) : (
            <Empty f={f} />
          )}
        </Section>

        <View style={s.footer} fixed>
          <Text>{t("bulletin.generatedAt", { time: f.dateTime(bulletin.generatedAt) })}</Text>
          <Text
            render={({ pageNumber, totalPages }) =>
              t("bulletin.page", { page: pageNumber, total: totalPages })
            }
          />
        </View>
      </Page>
    </Document>
  );
}
