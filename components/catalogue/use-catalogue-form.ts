"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import {
  set,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormReturn,
} from "react-hook-form";
import type { z } from "zod";
import { ApiError } from "@/lib/api/client";
import { useErrorText, useZodResolver } from "@/components/ui/form";

/**
 * The shared resolver (`useZodResolver`) on the API's own schema, fed the values as the API will
 * receive them (`toInput`: blank days and texts become null), with the catalogue's own rules'
 * messages (keys under "catalogue.validation") in place of the generic one.
 */
export function useCatalogueResolver<TValues extends FieldValues>(
  schema: z.ZodType,
  toInput: (values: TValues) => unknown,
): Resolver<TValues> {
  const base = useZodResolver<TValues>(schema, { nested: true });
  const t = useTranslations("catalogue.validation");
  return useCallback<Resolver<TValues>>(
    async (values, context, options) => {
      const input = toInput(values);
      const result = await base(input as TValues, context, options);
      if (Object.keys(result.errors).length === 0) return { values, errors: {} };
      const parsed = schema.safeParse(input);
      if (!parsed.success)
        for (const issue of parsed.error.issues)
          if (issue.code === "custom" && t.has(issue.message as never))
            set(result.errors, issue.path.map(String).join("."), {
              type: "custom",
              message: t(issue.message as never),
            });
      return result;
    },
    [base, schema, t, toInput],
  );
}

/**
 * A write's failure on a form: a 422's field messages land on their fields (the first focused),
 * a 409 is kept apart so the form can offer to reload, anything else is one sentence.
 */
export function useServerErrors<TValues extends FieldValues>(form: UseFormReturn<TValues>) {
  const errorText = useErrorText();
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const clear = () => {
    setFormError(null);
    setConflict(false);
  };
  const handle = (error: unknown) => {
    if (error instanceof ApiError && error.status === 409 && !error.fields._form) {
      setConflict(true);
      return;
    }
    if (error instanceof ApiError && error.status === 422) {
      let first: string | null = null;
      for (const [name, message] of Object.entries(error.fields)) {
        if (name === "_form" || name === "_") continue;
        form.setError(name as Path<TValues>, { type: "server", message });
        first ??= name;
      }
      if (first) {
        form.setFocus(first as Path<TValues>);
        if (!error.fields._form) return;
      }
    }
    setFormError(errorText(error));
  };
  return { formError, conflict, clear, handle };
}

/** "" -> null, for optional texts and days. */
export const orNull = (value: string | null | undefined) =>
  value === undefined || value === null || value.trim() === "" ? null : value;

/** A number input's value: blank is null, anything else a number (NaN when not one). */
export const numberOrNull = (value: unknown) =>
  value === "" || value === null || value === undefined ? null : Number(value);
