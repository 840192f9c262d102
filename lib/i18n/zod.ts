import type { z } from "zod";
import type { Locale } from "./config";
import { translator } from "./messages";

/**
 * Field-level messages in the user's language from a zod error. Custom refinements put a key
 * under "validation" in their message (e.g. "creditCode"); built-in checks map by issue code.
 */
export function fieldErrors(error: z.ZodError, locale: Locale): Record<string, string> {
  const t = translator(locale);
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "_";
    if (out[path]) continue;
    out[path] = messageFor(issue, t);
  }
  return out;
}

type T = ReturnType<typeof translator>;

function messageFor(issue: z.core.$ZodIssue, t: T): string {
  if (issue.code === "custom" && t.has(`validation.${issue.message}` as never)) {
    return t(`validation.${issue.message}` as never);
  }
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? t("validation.required") : t("validation.invalidType");
    case "too_small":
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1
          ? t("validation.required")
          : t("validation.tooShort", { min: Number(issue.minimum) });
      if (issue.origin === "array")
        return t("validation.tooFewItems", { min: Number(issue.minimum) });
      return t("validation.tooSmall", { min: Number(issue.minimum) });
    case "too_big":
      if (issue.origin === "string") return t("validation.tooLong", { max: Number(issue.maximum) });
      if (issue.origin === "array")
        return t("validation.tooManyItems", { max: Number(issue.maximum) });
      return t("validation.tooBig", { max: Number(issue.maximum) });
    case "invalid_format":
      return t("validation.invalidFormat");
    case "invalid_value":
      return t("validation.invalidChoice");
    default:
      return t("validation.invalid");
  }
}
