import { describe, expect, it } from "vitest";
import { z } from "zod";
import zhCN from "@/messages/zh-CN.json";
import { issueMessage, type ValidationTranslate } from "@/lib/i18n/issue-message";

// A translator over the real zh-CN "validation" messages, as the browser forms get from next-intl.
const messages = zhCN.validation as Record<string, string>;
const t = Object.assign(
  (key: string, values: Record<string, number> = {}) =>
    (messages[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(values[name])),
  { has: (key: string) => key in messages },
) as ValidationTranslate;

const schema = z.object({
  percent: z.number().int().min(0).max(100),
  name: z.string().trim().min(1).max(5),
  code: z.string().refine((v) => v === "ok", { message: "creditCode" }),
  kind: z.enum(["A", "B"]),
});

function messageFor(input: Record<string, unknown>, field: string) {
  const result = schema.safeParse({ percent: 1, name: "x", code: "ok", kind: "A", ...input });
  const issue = result.error?.issues.find((i) => i.path[0] === field);
  return issue && issueMessage(issue, t);
}

describe("one mapping from zod issues to messages, shared by the API and the forms", () => {
  it.each([
    [{ percent: 101 }, "percent", "不能大于 100。"],
    [{ percent: -1 }, "percent", "不能小于 0。"],
    [{ percent: Number.NaN }, "percent", "请输入数字。"],
    [{ percent: undefined }, "percent", "此项为必填项。"],
    [{ name: "   " }, "name", "此项为必填项。"],
    [{ name: "abcdefg" }, "name", "最多 5 个字符。"],
    [{ code: "bad" }, "code", messages.creditCode],
    [{ kind: "C" }, "kind", "请选择有效的选项。"],
  ])("%j -> %s: %s", (input, field, expected) => {
    expect(messageFor(input, field)).toBe(expected);
  });
});
