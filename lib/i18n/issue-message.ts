import type { z } from "zod";

/** Any translator scoped to the "validation" messages (next-intl's `t`, or use-intl's). */
export type ValidationTranslate = {
  (key: string, values?: Record<string, number>): string;
  has(key: string): boolean;
};

/**
 * A zod issue as a message in the user's language. Pure and client-safe: the server (API field
 * errors, lib/i18n/zod.ts) and the browser forms share it, so a field reads the same either way.
 * Custom refinements carry a key under "validation" as their message (e.g. "creditCode").
 */
export function issueMessage(issue: z.core.$ZodIssue, t: ValidationTranslate): string {
  if (issue.code === "custom" && t.has(issue.message)) return t(issue.message);
  switch (issue.code) {
    case "invalid_type": {
      // zod 4 keeps the input only when asked (`reportInput`); otherwise NaN shows in `received`
      // and a missing value only in zod's own (English, unconfigured) message.
      if ("input" in issue) {
        if (issue.input === undefined || issue.input === null) return t("required");
        return Number.isNaN(issue.input) ? t("notANumber") : t("invalidType");
      }
      if ((issue as { received?: string }).received === "NaN") return t("notANumber");
      return /received (undefined|null)$/.test(issue.message) ? t("required") : t("invalidType");
    }
    case "too_small":
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1
          ? t("required")
          : t("tooShort", { min: Number(issue.minimum) });
      if (issue.origin === "array") return t("tooFewItems", { min: Number(issue.minimum) });
      return t("tooSmall", { min: Number(issue.minimum) });
    case "too_big":
      if (issue.origin === "string") return t("tooLong", { max: Number(issue.maximum) });
      if (issue.origin === "array") return t("tooManyItems", { max: Number(issue.maximum) });
      return t("tooBig", { max: Number(issue.maximum) });
    case "invalid_format":
      return t("invalidFormat");
    case "invalid_value":
      return t("invalidChoice");
    default:
      return t("invalid");
  }
}
