"use client";

import { useLocale, useTranslations } from "next-intl";
import { ApiError } from "@/lib/api/client";
import type { ReviewQueueItem } from "@/lib/review/query-options";
import type { DecisionOutcome } from "./use-decision";

export type Message = { tone: "success" | "error"; text: string };

/** What to tell the reviewer after a decision: done, or why it failed, naming the task. */
export function useDecisionMessage() {
  const t = useTranslations("review");
  const locale = useLocale();
  return (row: ReviewQueueItem, outcome: DecisionOutcome): Message => {
    const task = `${row.item.task.code} ${locale === "en" ? row.item.task.titleEn : row.item.task.titleZh}`;
    if (outcome.ok) {
      const key =
        outcome.decision === "RETURN"
          ? "returned"
          : outcome.decision === "CONFIRM"
            ? "confirmed"
            : "approved";
      return { tone: "success", text: t(`done.${key}`, { task }) };
    }
    const status = outcome.error instanceof ApiError ? outcome.error.status : 0;
    const text =
      status === 409
        ? t("errors.alreadyDecided", { task })
        : status === 404
          ? t("errors.gone", { task })
          : status === 403
            ? t("errors.forbidden")
            : status === 0
              ? t("errors.network")
              : t("errors.failed", {
                  message: outcome.error instanceof Error ? outcome.error.message : "",
                });
    return { tone: "error", text };
  };
}
