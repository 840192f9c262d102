// Server render of every kit component in both languages: catches missing messages, broken
// table models and props that React Aria rejects, without a browser.
import { createElement as h, Fragment } from "react";
import { renderToString } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import zh from "@/messages/zh-CN.json";
import en from "@/messages/en.json";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push() {} }) }));

describe("ui kit server render", async () => {
  const { DataTable, dataTableColumns } = await import("@/components/ui/data-table");
  const { Combobox } = await import("@/components/ui/combobox");
  const { EnterpriseCombobox } = await import("@/components/ui/enterprise-combobox");
  const { DatePicker } = await import("@/components/ui/date-picker");
  const { MenuButton } = await import("@/components/ui/menu");
  const { Popover } = await import("@/components/ui/popover");
  const { ConfirmDialog, Dialog } = await import("@/components/ui/dialog");
  const { Badge } = await import("@/components/ui/badge");
  type Row = { id: string; name: string; n: number };
  const col = dataTableColumns<Row>();
  const columns = col.columns([
    col.accessor("name", { header: "Name", meta: { rowHeader: true } }),
    col.accessor("n", { header: "N", meta: { numeric: true } }),
  ]);
  const data: Row[] = [
    { id: "a", name: "B", n: 1 },
    { id: "b", name: "A", n: 2 },
  ];
  for (const [locale, messages] of [
    ["zh-CN", zh],
    ["en", en],
  ] as const) {
    it(`renders in ${locale}`, () => {
      const html = renderToString(
        h(NextIntlClientProvider, {
          locale,
          messages,
          timeZone: "Asia/Shanghai",
          children: h(
            Fragment,
            null,
            h(DataTable<Row>, {
              data,
              columns,
              getRowId: (r) => r.id,
              caption: "T",
              initialSorting: [{ id: "name", desc: false }],
            }),
            h(DataTable<Row>, { data: [], columns, getRowId: (r) => r.id, caption: "E" }),
            h(Combobox, {
              label: "Pick",
              load: async () => [],
              selectedId: "x",
              selectedLabel: "Chosen",
              onChange: () => {},
              name: "pick",
            }),
            h(EnterpriseCombobox, { selectedId: null, onChange: () => {} }),
            h(DatePicker, {
              label: "Due",
              value: "2026-03-05",
              onChange: () => {},
              error: "Bad",
              name: "due",
            }),
            h(MenuButton, { items: [{ id: "1", label: "One" }] }),
            h(Popover, { trigger: "Open", children: "x" }),
            h(ConfirmDialog, { title: "Sure?", message: "m", onConfirm: () => {} }),
            h(Dialog, { title: "D", children: "c" }),
            h(Badge, { tone: "danger", children: "Late" }),
          ),
        }),
      );
      // Client sorting by name: A before B.
      expect(html.indexOf(">A<")).toBeLessThan(html.indexOf(">B<"));
      expect(html).toContain('aria-sort="ascending"');
      expect(html).toContain('data-row-id="b"');
      expect(html).toContain(locale === "en" ? "Nothing to show." : "暂无数据。");
      expect(html).toContain('value="Chosen"');
      expect(html).toContain("Bad");
      expect(html).toContain('aria-invalid="true"');
      expect(html).toContain(locale === "en" ? "More actions" : "更多操作");
    });
  }
});
