/**
 * The printable supervision notice (督办单) parses back with its number, a Chinese item title and
 * the deadline in the page's words; and the deadline wording is one function for every channel.
 */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { deadlineTextIn } from "@/lib/notices/deadline-locale";
import { renderNoticePdf } from "@/lib/notices/render-pdf";
import type { NoticeDto } from "@/lib/notices/schemas";

async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(""));
  }
  await doc.destroy();
  return pages.join("\n");
}

const notice: NoticeDto = {
  id: "0190a5d2-0000-7000-8000-000000000001",
  number: "督办-2026-0007",
  level: "RED",
  status: "OPEN",
  requiredAction: "请于期限前报送滞后原因分析和整改计划。",
  responseDueAt: "2026-12-15T16:00:00.000Z",
  escalationCount: 0,
  createdAt: "2026-12-01T01:00:00.000Z",
  closedAt: null,
  issuedBy: "中央审核员",
  supervisorZh: "国务院国资委",
  supervisorEn: "SASAC of the State Council",
  partial: false,
  items: [
    {
      id: "0190a5d2-0000-7000-8000-000000000002",
      taskCode: "SDU-1.2",
      taskZh: "健全市场化经营机制",
      taskEn: "Market-based operating mechanisms",
      enterpriseZh: "中国中车集团有限公司",
      enterpriseEn: "CRRC Group",
      dueDate: "2026-11-30",
      status: "IN_PROGRESS",
      repliedAt: null,
    },
  ],
  replies: [],
};

describe("the printable notice (督办单)", () => {
  it("shows the number once in the title, the item in Chinese and the deadline as on the page", async () => {
    const bytes = await renderNoticePdf(notice, "zh-CN");
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await pdfText(bytes);
    expect(text).toContain("督办单");
    expect(text.split("督办-2026-0007").length - 1).toBeGreaterThanOrEqual(1);
    expect(text).toContain("健全市场化经营机制");
    expect(text).toContain("国务院国资委");
    expect(text).toContain("红色督办");
    expect(text).toContain(deadlineTextIn("zh-CN", notice.responseDueAt));
    expect(bytes.toString("latin1")).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
  }, 30_000);

  it("renders in English", async () => {
    const text = await pdfText(await renderNoticePdf(notice, "en"));
    expect(text).toContain("Supervision notice");
    expect(text).toContain("督办-2026-0007");
    expect(text).toContain("Market-based operating mechanisms");
  }, 30_000);
});

describe("deadline wording", () => {
  it("a day-deadline reads as that day until 24:00; another instant with its time", () => {
    expect(deadlineTextIn("zh-CN", "2026-12-15T16:00:00.000Z")).toBe("2026年12月15日 24:00 前");
    expect(deadlineTextIn("en", "2026-12-15T16:00:00.000Z")).toBe("Dec 15, 2026, end of day");
    expect(deadlineTextIn("zh-CN", "2026-12-15T02:30:00.000Z")).toMatch(/2026年12月15日.*10:30/);
  });
});
