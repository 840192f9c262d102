"use client";

import clsx from "clsx";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { toNestErrors } from "@hookform/resolvers";
import type {
  FieldError,
  FieldErrors,
  FieldValues,
  Path,
  Resolver,
  UseFormSetError,
} from "react-hook-form";
import type { z } from "zod";
import { issueMessage } from "@/lib/i18n/issue-message";
import { ApiError } from "@/lib/api/client";
import { field } from "./styles";

export { field };

/** A red asterisk for sighted users, the word "required" for screen readers. */
export function RequiredMark() {
  const t = useTranslations("review.form");
  return (
    <>
      <span aria-hidden="true" className="text-red-700">
        {" "}
        *
      </span>
      <span className="sr-only"> ({t("required")})</span>
    </>
  );
}

export function FieldMessage({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-800" data-testid="field-error">
      {message}
    </p>
  );
}

/** A message above a form or list: an error (assertive) or a confirmation (polite). */
export function Notice({
  tone,
  children,
  testId,
}: {
  tone: "error" | "success" | "info";
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      data-testid={testId}
      className={clsx(
        "rounded-md border px-3 py-2 text-sm",
        tone === "error" && "border-red-300 bg-red-50 text-red-900",
        tone === "success" && "border-green-300 bg-green-50 text-green-900",
        tone === "info" && "border-sky-300 bg-sky-50 text-sky-950",
      )}
    >
      {children}
    </div>
  );
}

type Issue = z.core.$ZodIssue;

/** The value an issue's path points at in the form's values (undefined for the whole form). */
function valueAt(values: unknown, path: string[]): unknown {
  if (path.length === 0) return undefined;
  return path.reduce<unknown>(
    (node, key) =>
      node === null || node === undefined ? undefined : (node as Record<string, unknown>)[key],
    values,
  );
}

/**
 * A react-hook-form resolver from one of the API's zod schemas, with the messages of
 * lib/i18n/zod.ts in the user's language (custom refinements carry a key under "validation").
 *
 * By default an issue is reported on its top-level field (an issue in `itemIds.3` shows on
 * `itemIds`). With `nested`, it is reported at its full path, for forms with rows of inputs
 * (`indicators.0.value`), and the errors are nested as react-hook-form reads them.
 */
export function useZodResolver<TValues extends FieldValues>(
  schema: z.ZodType,
  { nested = false }: { nested?: boolean } = {},
): Resolver<TValues> {
  const t = useTranslations("validation");
  const messageFor = useCallback(
    (issue: Issue, value: unknown): string => {
      const empty =
        value === undefined || value === null || (typeof value === "string" && value.trim() === "");
      if (empty && issue.code !== "custom") return t("required");
      return issueMessage(issue, t);
    },
    [t],
  );
  return useCallback(
    async (values, _context, options) => {
      const parsed = schema.safeParse(values);
      if (parsed.success) return { values: values, errors: {} };
      const errors: Record<string, FieldError> = {};
      for (const issue of parsed.error.issues) {
        const keys = issue.path.slice(0, nested ? undefined : 1).map(String);
        const path = keys.length ? keys.join(".") : "root";
        if (!errors[path])
          errors[path] = { type: issue.code, message: messageFor(issue, valueAt(values, keys)) };
      }
      return {
        values: {},
        errors: (nested
          ? toNestErrors(errors as FieldErrors, options)
          : errors) as FieldErrors<TValues>,
      };
    },
    [schema, messageFor, nested],
  );
}

/** A failed request as one sentence in the user's language (field messages are shown by the fields). */
export function useErrorText() {
  const t = useTranslations("errors");
  const tr = useTranslations("review.errors");
  return (error: unknown): string => {
    if (!(error instanceof ApiError)) return tr("unknown");
    if (error.status === 0) return tr("network");
    const formKey = error.fields._form;
    if (formKey) return formKey;
    switch (error.status) {
      case 403:
        return t("forbidden");
      case 404:
        return t("not_found");
      case 409:
        return t("conflict");
      case 422:
        return t("validation_failed");
      default:
        return error.status >= 500 ? tr("server") : error.message;
    }
  };
}

/**
 * Puts the server's 422 field messages on the form's own fields (focusing the first one) and
 * says whether it did; any other error is the caller's to show above the form.
 */
export function showServerFieldErrors<TValues extends FieldValues>(
  error: unknown,
  fields: readonly Path<TValues>[],
  setError: UseFormSetError<TValues>,
): boolean {
  if (!(error instanceof ApiError) || error.status !== 422) return false;
  const refused = fields.filter((name) => error.fields[name]);
  refused.forEach((name, i) =>
    setError(name, { type: "server", message: error.fields[name] }, { shouldFocus: i === 0 }),
  );
  return refused.length > 0;
}
