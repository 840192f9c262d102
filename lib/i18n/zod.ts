import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { findUnstorableText } from "@/lib/storable-text";
import type { Locale } from "./config";
import { issueMessage, type ValidationTranslate } from "./issue-message";
import { translator } from "./messages";

/** Field-level messages in the user's language from a zod error: field path -> message. */
export function fieldErrors(error: z.ZodError, locale: Locale): Record<string, string> {
  const t = translator(locale);
  const validation = Object.assign(
    (key: string, values?: Record<string, number>) =>
      t(`validation.${key}` as never, values as never),
    { has: (key: string) => t.has(`validation.${key}` as never) },
  ) as ValidationTranslate;
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "_";
    out[path] ??= issueMessage(issue, validation);
  }
  return out;
}

/**
 * Parses a use case's input, or throws a 422 with field messages in the user's language. Text
 * PostgreSQL cannot store is refused first, by field, whatever the caller (a route, a job, a
 * script), so it never reaches a query.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  locale: Locale,
): z.output<S> {
  const unstorable = findUnstorableText(input);
  if (unstorable !== null)
    throw new AppError("validation_failed", "unstorable text", {
      [unstorable]: translator(locale)("validation.unstorableText"),
    });
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    throw new AppError("validation_failed", undefined, fieldErrors(parsed.error, locale));
  return parsed.data;
}
