import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { createFormatter } from "use-intl/core";
import { BULLETIN_FONT, registerBulletinFonts } from "@/lib/bulletins/fonts";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/messages";
import { TIME_ZONE } from "@/lib/time";
import { deadlineTextIn } from "./deadline-locale";
import type { NoticeDto } from "./schemas";

/**
 * The printable supervision notice (督办单) as an A4 PDF: the number once in the title, the
 * issuing SASAC, level, required action, reply deadline (the same words as the page), the items,
 * the replies and the signature lines. Noto Sans SC embedded as a subset, as in the bulletins.
 */
export async function renderNoticePdf(notice: NoticeDto, locale: Locale): Promise<Buffer> {
  registerBulletinFonts();
  return renderToBuffer(<NoticeDocument notice={notice} locale={locale} />);
}

/** "督办单-督办-2026-0001.pdf" / "Supervision-notice-督办-2026-0001.pdf". */
export function noticePdfFileName(notice: Pick<NoticeDto, "number">, locale: Locale): string {
  return `${translator(locale)("notices.pdf.fileStem")}-${notice.number}.pdf`;
}

const s = StyleSheet.create({
  page: { fontFamily: BULLETIN_FONT, fontSize: 10, padding: "40 44 56 44", color: "#0f172a" },
  title: { fontSize: 20, fontWeight: 700, textAlign: "center" },
  number: { fontSize: 11, textAlign: "center", marginTop: 4, marginBottom: 14 },
  field: { flexDirection: "row", borderBottom: "0.5 solid #94a3b8", paddingVertical: 5 },
  label: { width: "22%", fontWeight: 700 },
  value: { width: "78%" },
  h2: { fontSize: 12, fontWeight: 700, marginTop: 14, marginBottom: 6 },
  head: { flexDirection: "row", borderBottom: "1 solid #334155", paddingVertical: 3 },
  row: { flexDirection: "row", borderBottom: "0.5 solid #cbd5e1", paddingVertical: 3 },
  cell: { paddingHorizontal: 2 },
  reply: { marginBottom: 6 },
  muted: { color: "#475569" },
  box: { border: "0.5 solid #94a3b8", minHeight: 70, padding: 6 },
  signatures: { flexDirection: "row", justifyContent: "space-between", marginTop: 28, gap: 16 },
  signature: { flex: 1, borderTop: "0.5 solid #334155", paddingTop: 4 },
  footer: {
    position: "absolute",
    bottom: 24,
    left: 44,
    right: 44,
    flexDirection: "row",
    justifyContent: "space-between",
    fontSize: 8,
    color: "#64748b",
  },
});

const COLUMNS = [
  { key: "code", width: 14 },
  { key: "task", width: 36 },
  { key: "enterprise", width: 26 },
  { key: "dueDate", width: 12 },
  { key: "status", width: 12 },
] as const;

function Field({ label, value }: { label: string; value: string }) {
  return (
    <View style={s.field} wrap={false}>
      <Text style={s.label}>{label}</Text>
      <Text style={s.value}>{value}</Text>
    </View>
  );
}

function NoticeDocument({ notice, locale }: { notice: NoticeDto; locale: Locale }) {
  const t = translator(locale);
  const format = createFormatter({ locale, timeZone: TIME_ZONE });
  const pick = (zh: string, en: string) => (locale === "en" ? en : zh);
  const day = (iso: string) =>
    format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "medium" });
  const at = (iso: string) =>
    format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const cell = (row: NoticeDto["items"][number], key: (typeof COLUMNS)[number]["key"]) =>
    ({
      code: row.taskCode,
      task: pick(row.taskZh, row.taskEn),
      enterprise: pick(row.enterpriseZh, row.enterpriseEn),
      dueDate: day(row.dueDate),
      status: t(`status.${row.status}`),
    })[key];
  const title = t("notices.pdf.title");
  return (
    <Document
      title={`${title} ${notice.number}`}
      language={locale}
      creator="Reform Ledger"
      producer="Reform Ledger"
    >
      <Page size="A4" style={s.page}>
        <Text style={[s.title, locale === "en" ? {} : { letterSpacing: 4 }]}>{title}</Text>
        <Text style={s.number}>{t("notices.pdf.numberLine", { number: notice.number })}</Text>
        <Field
          label={t("notices.pdf.issuer")}
          value={pick(notice.supervisorZh, notice.supervisorEn)}
        />
        <Field label={t("notices.levelLabel")} value={t(`notices.level.${notice.level}`)} />
        <Field label={t("notices.issued")} value={`${at(notice.createdAt)} · ${notice.issuedBy}`} />
        <Field label={t("notices.requiredAction")} value={notice.requiredAction} />
        <Field
          label={t("notices.responseDue")}
          value={deadlineTextIn(locale, notice.responseDueAt)}
        />
        <Field label={t("notices.statusLabel")} value={t(`notices.status.${notice.status}`)} />

        <Text style={s.h2}>{t("notices.itemsHeading", { count: notice.items.length })}</Text>
        <View style={s.head} fixed>
          {COLUMNS.map((c) => (
            <Text key={c.key} style={[s.cell, { width: `${c.width}%`, fontWeight: 700 }]}>
              {t(`notices.pdf.columns.${c.key}`)}
            </Text>
          ))}
        </View>
        {notice.items.map((row) => (
          <View key={row.id} style={s.row} wrap={false}>
            {COLUMNS.map((c) => (
              <Text key={c.key} style={[s.cell, { width: `${c.width}%` }]}>
                {cell(row, c.key)}
              </Text>
            ))}
          </View>
        ))}

        <Text style={s.h2} minPresenceAhead={60}>
          {t("notices.pdf.replyHeading")}
        </Text>
        {notice.replies.length ? (
          notice.replies.map((r, k) => (
            <View key={k} style={s.reply} wrap={false}>
              <Text style={s.muted}>
                {r.author} · {at(r.createdAt)}
              </Text>
              <Text>{r.body}</Text>
            </View>
          ))
        ) : (
          <View style={s.box}>
            <Text style={s.muted}>{t("notices.pdf.replyBlank")}</Text>
          </View>
        )}

        <View style={s.signatures} wrap={false}>
          <Text style={s.signature}>{t("notices.pdf.signIssuer")}</Text>
          <Text style={s.signature}>{t("notices.pdf.signEnterprise")}</Text>
          <Text style={s.signature}>{t("notices.pdf.signDate")}</Text>
        </View>

        <View style={s.footer} fixed>
          <Text>{notice.number}</Text>
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
