import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/messages";
import { fieldErrors } from "@/lib/i18n/zod";

/** A catalogue rule's message (a key under "catalogue.validation") in the caller's language. */
export function catalogueMessage(locale: Locale, key: string): string {
  return translator(locale)(`catalogue.validation.${key}` as never);
}

/** A 422 on one field with a catalogue rule's message. */
export function catalogueFieldError(locale: Locale, field: string, key: string): AppError {
  return new AppError("validation_failed", undefined, { [field]: catalogueMessage(locale, key) });
}

/**
 * Parses a catalogue use case's input, or throws a 422 with field messages in the caller's
 * language: the catalogue's own rules (custom issues) from "catalogue.validation", the rest as
 * every other form (lib/i18n/zod.ts).
 */
export function parseCatalogueInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  locale: Locale,
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = fieldErrors(parsed.error, locale);
  const t = translator(locale);
  for (const issue of parsed.error.issues) {
    const key = `catalogue.validation.${issue.message}`;
    if (issue.code === "custom" && t.has(key as never))
      fields[issue.path.map(String).join(".")] = t(key as never);
  }
  throw new AppError("validation_failed", undefined, fields);
}

/** Blank text is no text. */
export const blankToNull = (value: string | null | undefined) =>
  value === undefined ? undefined : value?.trim() ? value.trim() : null;
