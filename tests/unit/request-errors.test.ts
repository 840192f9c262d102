/** Which request text PostgreSQL cannot store, and which database refusals are the input's fault. */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/i18n/zod";
import { inputErrorFromDatabase } from "@/lib/api/db-errors";
import { findUnstorableText, isStorableText } from "@/lib/storable-text";

describe("isStorableText", () => {
  it.each([
    ["plain Chinese", "国企改革深化提升行动", true],
    ["an emoji (a surrogate pair)", "完成😀", true],
    ["CJK extension B", "𠀀", true],
    ["the empty string", "", true],
    ["a NUL", "a\u0000b", false],
    ["a lone high surrogate at the end", "abc\uD83D", false],
    ["a lone low surrogate at the start", "\uDE00abc", false],
    ["two high surrogates", "\uD83D\uD83D\uDE00", false],
  ])("%s", (_, text, storable) => expect(isStorableText(text)).toBe(storable));
});

describe("findUnstorableText", () => {
  it("names the first bad field by its dotted path", () => {
    expect(findUnstorableText({ a: "ok", items: [{ title: "ok" }, { title: "x\u0000" }] })).toBe(
      "items.1.title",
    );
    expect(findUnstorableText({ a: 1, b: null, c: [true, "fine"] })).toBeNull();
    expect(findUnstorableText("\u0000")).toBe("_");
  });

  it("checks object keys too", () => {
    expect(findUnstorableText({ ["k\u0000"]: "v" })).toBe("k\uFFFD");
  });
});

describe("parseInput", () => {
  const schema = z.object({ title: z.string().min(1), tags: z.array(z.string()) });

  it("refuses text PostgreSQL cannot store by field, in the user's language, before the schema", () => {
    const refused = (input: unknown, locale: "zh-CN" | "en") => {
      try {
        parseInput(schema, input, locale);
      } catch (error) {
        return error as AppError;
      }
      throw new Error("accepted");
    };
    const zh = refused({ title: "方案\u0000", tags: [] }, "zh-CN");
    expect(zh.code).toBe("validation_failed");
    expect(zh.fields).toEqual({ title: expect.stringContaining("无法保存") });
    // Checked before the schema: the empty title is not what is reported.
    expect(refused({ title: "", tags: ["ok", "\uDC00"] }, "en").fields).toEqual({
      "tags.1": expect.stringContaining("cannot be stored"),
    });
    expect(parseInput(schema, { title: "方案", tags: ["😀"] }, "en")).toEqual({
      title: "方案",
      tags: ["😀"],
    });
  });
});

describe("inputErrorFromDatabase", () => {
  it.each([
    ["Prisma's foreign-key error", { code: "P2003" }, "conflict"],
    ["Prisma's value too long", { code: "P2000" }, "validation_failed"],
    [
      "a raw query's bad byte sequence through the driver adapter",
      { code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "22021" } } } },
      "validation_failed",
    ],
    [
      "a raw query's foreign-key violation",
      { code: "P2010", meta: { driverAdapterError: { cause: { code: "23503" } } } },
      "conflict",
    ],
  ])("%s", (_, error, expected) => expect(inputErrorFromDatabase(error)).toBe(expected));

  it.each([
    [
      "a syntax error",
      { code: "P2010", meta: { driverAdapterError: { cause: { code: "42601" } } } },
    ],
    ["a plain Error", new Error("boom")],
    ["nothing", undefined],
  ])("%s is not the input's fault", (_, error) => expect(inputErrorFromDatabase(error)).toBeNull());
});
