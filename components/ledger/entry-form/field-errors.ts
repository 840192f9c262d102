import clsx from "clsx";
import type { FieldError, FieldErrors } from "react-hook-form";
import type { EntryFormValues, FieldName } from "./entry-form-model";

/** Element ids of one form instance: `ids("indicators.0.value")` -> "«r1»-indicators-0-value". */
export type FieldIds = (name: string) => string;

/** The message of one (possibly nested) field, if it has one. */
export function errorAt(errors: FieldErrors<EntryFormValues>, name: FieldName): string | undefined {
  const value = name
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], errors);
  return (value as FieldError | undefined)?.message;
}

/** Field messages in the (nested) error object: two bad indicators count twice. */
export function countErrors(node: unknown): number {
  if (!node || typeof node !== "object") return 0;
  if ("message" in node && typeof (node as FieldError).message === "string") return 1;
  return Object.entries(node).reduce(
    (sum, [key, child]) => (key === "ref" ? sum : sum + countErrors(child)),
    0,
  );
}

/** An aria-describedby value from the ids that apply (undefined when none does). */
export const describedBy = (...parts: (string | false | undefined)[]) =>
  clsx(parts.filter(Boolean)) || undefined;
