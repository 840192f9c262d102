"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useForm, useWatch, type FieldErrors } from "react-hook-form";
import { Notice, RequiredMark, field, useZodResolver } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";
import { ledgerQueries } from "@/lib/ledger/query-options";
import { IssueNoticeInput } from "@/lib/notices/schemas";
import { NoticeCandidatePicker } from "./notice-candidate-picker";
import { NoticeGroupsNote } from "./notice-groups-note";
import { NoticeSelectedItems } from "./notice-selected-items";
import { NoticeTermsFields } from "./notice-terms-fields";
import { useIssueNotice, type IssueNoticeValues } from "./use-issue-notice";
import { useNoticeCandidates, type ItemSummary } from "./use-notice-candidates";

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
  const hydrated = useHydrated();
  const resolver = useZodResolver<IssueNoticeValues>(IssueNoticeInput);
  const [details, setDetails] = useState<Map<string, ItemSummary>>(new Map());
  const itemsHeading = useRef<HTMLHeadingElement>(null);
  const focusItems = () => itemsHeading.current?.focus();

  const {
    register,
    handleSubmit,
    setValue,
    control,
    setError,
    setFocus,
    formState: { errors, isSubmitting, isSubmitted },
  } = useForm<IssueNoticeValues>({
    resolver,
    defaultValues: {
      itemIds: initialItemId ? [initialItemId] : [],
      level: "YELLOW",
      requiredAction: "",
      responseDueOn: defaultDueOn,
    },
  });
  const selectedIds = useWatch({ control, name: "itemIds" });
  const { submit, formError } = useIssueNotice({ setError, setFocus, focusItems });

  const initialItem = useQuery({
    ...ledgerQueries.item(initialItemId ?? ""),
    enabled: Boolean(initialItemId),
    retry: false,
  });
  const picker = useNoticeCandidates();

  const known = new Map(details);
  if (initialItem.data && !known.has(initialItem.data.id))
    known.set(initialItem.data.id, initialItem.data);
  for (const row of picker.candidates.data?.items ?? [])
    if (!known.has(row.id)) known.set(row.id, row);

  const select = (ids: string[]) => setValue("itemIds", ids, { shouldValidate: isSubmitted });
  const toggle = (row: ItemSummary, on: boolean) => {
    setDetails((prev) => new Map(prev).set(row.id, row));
    select(on ? [...new Set([...selectedIds, row.id])] : selectedIds.filter((id) => id !== row.id));
  };
  const submitInvalid = (invalid: FieldErrors<IssueNoticeValues>) => {
    if (invalid.itemIds) focusItems();
  };

  return (
    <form
      onSubmit={(event) => void handleSubmit(submit, submitInvalid)(event)}
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
          <NoticeSelectedItems
            selectedIds={selectedIds}
            known={known}
            missingId={initialItem.isError ? initialItemId : undefined}
            error={errors.itemIds?.message}
            onRemove={(id) => select(selectedIds.filter((x) => x !== id))}
          />
          <NoticeGroupsNote itemIds={selectedIds} />
          <NoticeCandidatePicker picker={picker} selectedIds={selectedIds} onToggle={toggle} />
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
        <NoticeTermsFields
          register={register}
          control={control}
          errors={errors}
          minDueOn={minDueOn}
        />
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
