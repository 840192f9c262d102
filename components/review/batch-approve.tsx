"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/dialog";
import { field } from "@/components/ui/form";
import {
  dropFromReviewQueue,
  invalidateAfterDecision,
  postBatchDecision,
  refreshReviewQueue,
} from "@/lib/review/query-options";

/**
 * "Approve selected (N)": one confirmation, then one request that decides each entry on its
 * own. Decided entries leave the queue; the others (decided elsewhere meanwhile) are reported.
 */
export function BatchApprove({
  selected,
  stage,
  onDone,
}: {
  selected: string[];
  stage: "confirm" | "final";
  onDone: (result: { ok: number; failed: number }) => void;
}) {
  const t = useTranslations("review");
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const count = selected.length;

  const approve = async () => {
    const { results } = await postBatchDecision({
      entryIds: selected,
      decision: stage === "confirm" ? "CONFIRM" : "APPROVE",
    });
    const decided = results.filter((r) => r.ok);
    for (const r of decided) dropFromReviewQueue(queryClient, r.id);
    invalidateAfterDecision(queryClient);
    if (decided.length < results.length) refreshReviewQueue(queryClient);
    onDone({ ok: decided.length, failed: results.length - decided.length });
  };

  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        className={field.primary}
        disabled={count === 0}
        onClick={() => setOpen(true)}
        data-testid="approve-selected"
      >
        {stage === "confirm" ? t("confirmSelected", { count }) : t("approveSelected", { count })}
      </button>
      <ConfirmDialog
        isOpen={open}
        onOpenChange={setOpen}
        title={t("batchTitle")}
        message={t("batchMessage", { count })}
        onConfirm={approve}
        testId="batch-confirm"
      />
    </div>
  );
}
