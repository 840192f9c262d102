"use client";

import { useQuery } from "@tanstack/react-query";
import clsx from "clsx";
import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useForm, useWatch, type FieldErrors } from "react-hook-form";
import { ColourBadge } from "@/components/ui/colour-badge";
import { ApiError } from "@/lib/api/client";
import { ledgerQueries, type LedgerPageParams } from "@/lib/ledger/query-options";
import {
  FieldMessage,
  Notice,
  RequiredMark,
  field,
  useErrorText,
  useZodResolver,
} from "@/components/ui/form";
import { asLocale, bilingual, formatDay } from "@/components/ui/formats";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { LedgerItemDetail, LedgerItemRow, LedgerPage } from "@/lib/ledger/schemas";
import { IssueNoticeInput, NOTICE_LEVELS, type NoticeDto } from "@/lib/notices/schemas";
import { LEVEL_DOT } from "./badges";
import { issueNotice } from "@/lib/notices/query-options";

type Values = {
  itemIds: string[];
  level: NoticeDto["level"];
  requiredAction: string;
  responseDueOn: string;
};
type Show = "overdue" | "inProgress" | "all";
type ItemSummary = Pick<
  LedgerItemRow,
  "id" | "task" | "enterprise" | "programmeId" | "dueDate" | "colour" | "status"
>;

const LEVEL_RING = {
  BLUE: "has-[:checked]:border-sky-600 has-[:checked]:bg-sky-50",
  YELLOW: "has-[:checked]:border-amber-500 has-[:checked]:bg-amber-50",
  RED: "has-[:checked]:border-red-600 has-[:checked]:bg-red-50",
} as const;

function candidateParams(show: Show, q: string): LedgerPageParams {
  return {
    limit: 50,
    sort: "dueDate",
    overdue: show === "overdue" || undefined,
    status: show === "inProgress" ? "IN_PROGRESS" : undefined,
    q: q || undefined,
  };
}

/**
 * A reviewer issues a supervision notice (督办): the items (overdue ones first, or found by
 * search), the level (blue, yellow, red), what the enterprise must do, and the reply deadline.
 */
export function IssueNoticeForm({
  initialItemId,
  defaultDueOn,
  minDueOn,
}: {
  initialItemId?: string;
  defaultDueOn: string;
  minDueOn: string;
}) {
  const t = useTranslations("notices.new");
  const tn = useTranslations("notices");
  const format = useFormatter();
  const locale = asLocale(useLocale());
  const router = useRouter();
  const errorText = useErrorText();
  const hydrated = useHydrated();
  const resolver = useZodResolver<Values>(IssueNoticeInput);
  const [show, setShow] = useState<Show>("overdue");
  const [qInput, setQInput] = useState("");
  const [q, setQ] = useState("");
  const [details, setDetails] = useState<Map<string, ItemSummary>>(new Map());
  const [formError, setFormError] = useState<string | null>(null);
  const itemsHeading = useRef<HTMLHeadingElement>(null);

  const {
    register,
    handleSubmit,
    setValue,
    control,
    setError,
    setFocus,
    formState: { errors, isSubmitting, isSubmitted },
  } = useForm<Values>({
    resolver,
    defaultValues: {
      itemIds: initialItemId ? [initialItemId] : [],
      level: "YELLOW",
      requiredAction: "",
      responseDueOn: defaultDueOn,
    },
  });
  const selectedIds = useWatch({ control, name: "itemIds" });

  const initialItem = useQuery({
    ...ledgerQueries.item(initialItemId ?? ""),
    enabled: Boolean(initialItemId),
    retry: false,
  });
  const candidates = useQuery({
    ...ledgerQueries.page(candidateParams(show, q)),
    staleTime: 30_000,
  });

  const known = new Map(details);
  if (initialItem.data && !known.has(initialItem.data.id))
    known.set(initialItem.data.id, initialItem.data);
  for (const row of candidates.data?.items ?? []) if (!known.has(row.id)) known.set(row.id, row);
  const programmes = new Set(selectedIds.map((id) => known.get(id)?.programmeId).filter(Boolean));

  const toggle = (row: ItemSummary, on: boolean) => {
    setDetails((prev) => new Map(prev).set(row.id, row));
    const next = on
      ? [...new Set([...selectedIds, row.id])]
      : selectedIds.filter((id) => id !== row.id);
    setValue("itemIds", next, { shouldValidate: isSubmitted });
  };

  const submitValid = async (values: Values) => {
    setFormError(null);
    try {
      const notice = await issueNotice(values);
      router.push(`/notices/${notice.id}?issued=1`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        const order: (keyof Values)[] = ["itemIds", "level", "requiredAction", "responseDueOn"];
        let first: keyof Values | null = null;
        for (const name of order) {
          const message =
            error.fields[name] ??
            Object.entries(error.fields).find(([k]) => k.startsWith(`${name}.`))?.[1];
          if (message) {
            setError(name, { type: "server", message });
            first ??= name;
          }
        }
        if (first === "itemIds") itemsHeading.current?.focus();
        else if (first) setFocus(first);
        if (first) return;
      }
      setFormError(errorText(error));
    }
  };
  const submitInvalid = (invalid: FieldErrors<Values>) => {
    if (invalid.itemIds) itemsHeading.current?.focus();
  };

  const itemLabel = (row: ItemSummary) =>
    `${row.task.code} ${bilingual(locale, row.task.titleZh, row.task.titleEn)}`;

  return (
    <form
      onSubmit={(event) => void handleSubmit(submitValid, submitInvalid)(event)}
      noValidate
      className="space-y-5"
      data-testid="issue-notice-form"
      data-hydrated={hydrated ? "true" : "false"}
    >
      {formError && <Notice tone="error">{formError}</Notice>}

      <section
        aria-labelledby="notice-items-heading"
        className="rounded-lg border border-slate-200 bg-white shadow-sm"
      >
        <div className="border-b border-slate-200 px-4 py-3">
          <h2
            id="notice-items-heading"
            ref={itemsHeading}
            tabIndex={-1}
            className="text-base font-semibold text-slate-900 focus:outline-none"
          >
            {t("itemsHeading")}
            <RequiredMark />
          </h2>
          <p className="mt-0.5 text-sm text-slate-600">{t("itemsIntro")}</p>
        </div>
        <div className="space-y-4 p-4">
          <div>
            <h3 className="text-sm font-semibold text-slate-800">
              {t("selected", { count: selectedIds.length })}
            </h3>
            {selectedIds.length === 0 ? (
              <p className="mt-1 text-sm text-slate-700">{t("noneSelected")}</p>
            ) : (
              <ul
                className="mt-1 divide-y divide-slate-200 rounded-md border border-slate-200"
                data-testid="selected-items"
                aria-describedby={errors.itemIds ? "notice-itemIds-error" : undefined}
              >
                {selectedIds.map((id) => {
                  const row = known.get(id);
                  return (
                    <li
                      key={id}
                      className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm"
                      data-testid="selected-item"
                      data-item-id={id}
                    >
                      <span>
                        {row ? (
                          <>
                            <span className="font-mono text-xs text-slate-600">
                              {row.task.code}
                            </span>{" "}
                            {bilingual(locale, row.task.titleZh, row.task.titleEn)}
                            <span className="text-slate-600">
                              {" "}
                              · {bilingual(locale, row.enterprise.nameZh, row.enterprise.nameEn)}
                            </span>
                          </>
                        ) : initialItem.isError && id === initialItemId ? (
                          <span className="text-red-800">{t("itemNotFound")}</span>
                        ) : (
                          t("loadingItem")
                        )}
                      </span>
                      <button
                        type="button"
                        className="text-sm text-red-800 underline focus-visible:outline-2 focus-visible:outline-red-700"
                        onClick={() =>
                          setValue(
                            "itemIds",
                            selectedIds.filter((x) => x !== id),
                            { shouldValidate: isSubmitted },
                          )
                        }
                      >
                        {t("remove")}
                        <span className="sr-only"> {row ? itemLabel(row) : ""}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
            {programmes.size > 1 && (
              <p className="mt-1 text-sm text-amber-900">{t("oneProgrammeWarning")}</p>
            )}
            <FieldMessage id="notice-itemIds-error" message={errors.itemIds?.message} />
          </div>

          <div className="rounded-md border border-slate-200 bg-slate-50 p-3">
            <h3 className="text-sm font-semibold text-slate-800">{t("findHeading")}</h3>
            <div className="mt-2 flex flex-wrap items-end gap-3">
              <div>
                <label htmlFor="notice-show" className={field.label}>
                  {t("show")}
                </label>
                <select
                  id="notice-show"
                  value={show}
                  onChange={(e) => setShow(e.target.value as Show)}
                  className={field.input()}
                >
                  <option value="overdue">{t("showOverdue")}</option>
                  <option value="inProgress">{t("showInProgress")}</option>
                  <option value="all">{t("showAll")}</option>
                </select>
              </div>
              <div className="min-w-64 flex-1">
                <label htmlFor="notice-q" className={field.label}>
                  {t("search")}
                </label>
                <input
                  id="notice-q"
                  type="search"
                  value={qInput}
                  placeholder={t("searchPlaceholder")}
                  onChange={(e) => setQInput(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter") {
                      e.preventDefault();
                      setQ(qInput.trim());
                    }
                  }}
                  className={field.input()}
                />
              </div>
              <button type="button" className={field.secondary} onClick={() => setQ(qInput.trim())}>
                {t("searchButton")}
              </button>
            </div>
            <div className="mt-3" aria-live="polite" aria-busy={candidates.isFetching}>
              {candidates.isPending ? (
                <p className="text-sm text-slate-700">{t("loadingCandidates")}</p>
              ) : candidates.isError ? (
                <p className="text-sm text-red-800">{errorText(candidates.error)}</p>
              ) : candidates.data.items.length === 0 ? (
                <p className="text-sm text-slate-700">{t("noCandidates")}</p>
              ) : (
                <fieldset>
                  <legend className="text-sm text-slate-700">
                    {t("candidates", {
                      shown: candidates.data.items.length,
                      total: candidates.data.total,
                    })}
                  </legend>
                  <ul
                    className="mt-1 max-h-96 divide-y divide-slate-200 overflow-y-auto rounded-md border border-slate-200 bg-white"
                    data-testid="notice-candidates"
                  >
                    {candidates.data.items.map((row) => {
                      const inputId = `notice-candidate-${row.id}`;
                      return (
                        <li
                          key={row.id}
                          className="flex items-start gap-2 px-3 py-2 text-sm"
                          data-testid="notice-candidate"
                          data-item-id={row.id}
                        >
                          <input
                            id={inputId}
                            type="checkbox"
                            checked={selectedIds.includes(row.id)}
                            onChange={(e) => toggle(row, e.target.checked)}
                            className="mt-0.5 h-4 w-4 rounded border-slate-400 accent-brand-700"
                          />
                          <label htmlFor={inputId} className="flex-1">
                            <span className="font-mono text-xs text-slate-600">
                              {row.task.code}
                            </span>{" "}
                            {bilingual(locale, row.task.titleZh, row.task.titleEn)}
                            <span className="block text-xs text-slate-700">
                              {bilingual(locale, row.enterprise.nameZh, row.enterprise.nameEn)} ·{" "}
                              {t("due", { date: formatDay(format, new Date(row.dueDate)) })} ·{" "}
                              {format.number(row.percentDone / 100, { style: "percent" })}
                            </span>
                          </label>
                          <ColourBadge colour={row.colour} />
                        </li>
                      );
                    })}
                  </ul>
                </fieldset>
              )}
            </div>
          </div>
        </div>
      </section>

      <section
        aria-labelledby="notice-terms-heading"
        className="rounded-lg border border-slate-200 bg-white shadow-sm"
      >
        <div className="border-b border-slate-200 px-4 py-3">
          <h2 id="notice-terms-heading" className="text-base font-semibold text-slate-900">
            {t("termsHeading")}
          </h2>
        </div>
        <div className="space-y-4 p-4">
          <fieldset aria-describedby={errors.level ? "notice-level-error" : "notice-level-hint"}>
            <legend className={field.label}>
              {tn("levelLabel")}
              <RequiredMark />
            </legend>
            <p id="notice-level-hint" className={field.hint}>
              {t("levelHint")}
            </p>
            <div className="mt-2 flex flex-wrap gap-2">
              {NOTICE_LEVELS.map((level) => (
                <label
                  key={level}
                  className={clsx(
                    "inline-flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-900 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-700",
                    LEVEL_RING[level],
                  )}
                >
                  <input
                    type="radio"
                    value={level}
                    {...register("level")}
                    className="h-4 w-4 accent-brand-700"
                  />
                  <span
                    aria-hidden="true"
                    className={clsx("inline-block h-3 w-3 rounded-full", LEVEL_DOT[level])}
                  />
                  {tn(`level.${level}`)}
                </label>
              ))}
            </div>
            <FieldMessage id="notice-level-error" message={errors.level?.message} />
          </fieldset>

          <div>
            <label htmlFor="notice-requiredAction" className={field.label}>
              {tn("requiredAction")}
              <RequiredMark />
            </label>
            <p id="notice-requiredAction-hint" className={field.hint}>
              {t("actionHint")}
            </p>
            <textarea
              id="notice-requiredAction"
              rows={4}
              maxLength={2000}
              {...register("requiredAction")}
              aria-invalid={errors.requiredAction ? true : undefined}
              aria-describedby={
                errors.requiredAction
                  ? "notice-requiredAction-hint notice-requiredAction-error"
                  : "notice-requiredAction-hint"
              }
              className={field.input(Boolean(errors.requiredAction))}
            />
            <FieldMessage
              id="notice-requiredAction-error"
              message={errors.requiredAction?.message}
            />
          </div>

          <div className="max-w-xs">
            <label htmlFor="notice-responseDueOn" className={field.label}>
              {tn("responseDue")}
              <RequiredMark />
            </label>
            <p id="notice-responseDueOn-hint" className={field.hint}>
              {t("dueHint")}
            </p>
            <input
              id="notice-responseDueOn"
              type="date"
              min={minDueOn}
              {...register("responseDueOn")}
              aria-invalid={errors.responseDueOn ? true : undefined}
              aria-describedby={
                errors.responseDueOn
                  ? "notice-responseDueOn-hint notice-responseDueOn-error"
                  : "notice-responseDueOn-hint"
              }
              className={field.input(Boolean(errors.responseDueOn))}
            />
            <FieldMessage id="notice-responseDueOn-error" message={errors.responseDueOn?.message} />
          </div>
        </div>
      </section>

      <button
        type="submit"
        className={field.primary}
        disabled={isSubmitting}
        data-testid="issue-notice-submit"
      >
        {isSubmitting ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
