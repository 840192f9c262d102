"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ApiError } from "@/lib/api/client";
import { deleteSavedView, postSavedView, savedViewQueries } from "@/lib/saved-views/query-options";
import { SaveViewInput } from "@/lib/saved-views/schemas";
import { FieldMessage, useErrorText, useZodResolver } from "@/components/ui/form";

const input =
  "block w-full rounded-md border border-slate-400 bg-white px-2.5 py-1.5 text-sm text-slate-900 focus:border-brand-700 focus:outline-2 focus:outline-brand-700";
const button =
  "shrink-0 rounded-md border border-brand-700 bg-white px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:opacity-60";

type Values = { name: string; query: string };

/**
 * The user's own named views of the ledger: save the current one (its query string) under a
 * name, open one, delete one. The API lists only the caller's views.
 */
export function SavedViews({
  query,
  onApply,
}: {
  query: string;
  onApply: (query: string) => void;
}) {
  const t = useTranslations("ledger.savedViews");
  const errorText = useErrorText();
  const client = useQueryClient();
  const views = useQuery(savedViewQueries.list());
  const [status, setStatus] = useState("");
  const form = useForm<Values>({
    resolver: useZodResolver<Values>(SaveViewInput),
    defaultValues: { name: "", query },
  });
  const refresh = () => client.invalidateQueries({ queryKey: savedViewQueries.all });
  const save = useMutation({
    mutationFn: postSavedView,
    onSuccess: async (view) => {
      form.reset({ name: "", query });
      setStatus(t("saved", { name: view.name }));
      await refresh();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.fields.name)
        form.setError("name", { message: error.fields.name });
      else setStatus(errorText(error));
    },
  });
  const remove = useMutation({
    mutationFn: deleteSavedView,
    onSuccess: async () => {
      setStatus(t("deleted"));
      await refresh();
    },
    onError: (error) => setStatus(errorText(error)),
  });
  const nameError = form.formState.errors.name?.message;

  return (
    <section
      aria-labelledby="saved-views-heading"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="saved-views"
    >
      <h2 id="saved-views-heading" className="text-sm font-semibold text-slate-900">
        {t("heading")}
      </h2>
      <form
        className="mt-2 flex flex-wrap items-start gap-2"
        noValidate
        onSubmit={form.handleSubmit((values) => save.mutate({ ...values, query }))}
      >
        <div className="min-w-48 flex-1">
          <label htmlFor="saved-view-name" className="sr-only">
            {t("name")}
          </label>
          <input
            id="saved-view-name"
            className={input}
            placeholder={t("name")}
            maxLength={60}
            aria-invalid={Boolean(nameError)}
            aria-describedby={nameError ? "saved-view-name-error" : undefined}
            {...form.register("name")}
          />
          <FieldMessage id="saved-view-name-error" message={nameError} />
        </div>
        <button type="submit" className={button} disabled={save.isPending}>
          {t("save")}
        </button>
      </form>
      <p role="status" className="mt-1 text-sm text-slate-700" data-testid="saved-views-status">
        {status}
      </p>
      {views.data && views.data.items.length === 0 && (
        <p className="mt-1 text-sm text-slate-600">{t("empty")}</p>
      )}
      <ul className="mt-2 flex flex-wrap gap-2" data-testid="saved-view-list">
        {views.data?.items.map((view) => (
          <li
            key={view.id}
            className="inline-flex items-center rounded-full border border-slate-300 bg-slate-50 text-sm"
            data-testid="saved-view"
          >
            <button
              type="button"
              className="rounded-l-full px-3 py-1 text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-700"
              aria-label={t("apply", { name: view.name })}
              onClick={() => onApply(view.query)}
            >
              {view.name}
            </button>
            <button
              type="button"
              className="rounded-r-full px-2 py-1 text-slate-600 hover:text-red-800 focus-visible:outline-2 focus-visible:outline-brand-700"
              aria-label={t("delete", { name: view.name })}
              disabled={remove.isPending}
              onClick={() => remove.mutate(view.id)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
