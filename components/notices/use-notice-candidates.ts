"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ledgerQueries, type LedgerPageParams } from "@/lib/ledger/query-options";
import type { LedgerItemRow } from "@/lib/ledger/schemas";

export type CandidateShow = "overdue" | "inProgress" | "all";

/** What the form shows of an item, whether it came from the candidates or the item's own page. */
export type ItemSummary = Pick<
  LedgerItemRow,
  "id" | "task" | "enterprise" | "programmeId" | "dueDate" | "colour" | "status"
>;

function candidateParams(show: CandidateShow, q: string): LedgerPageParams {
  return {
    limit: 50,
    sort: "dueDate",
    overdue: show === "overdue" || undefined,
    status: show === "inProgress" ? "IN_PROGRESS" : undefined,
    q: q || undefined,
  };
}

/**
 * The items a notice may be about: overdue ones first, in progress, or all, narrowed by a search
 * that runs on Enter or the button (not on every keystroke). Read under the ledger's keys.
 */
export function useNoticeCandidates() {
  const [show, setShow] = useState<CandidateShow>("overdue");
  const [qInput, setQInput] = useState("");
  const [q, setQ] = useState("");
  const candidates = useQuery({
    ...ledgerQueries.page(candidateParams(show, q)),
    staleTime: 30_000,
  });
  return { show, setShow, qInput, setQInput, search: () => setQ(qInput.trim()), candidates };
}

export type NoticeCandidates = ReturnType<typeof useNoticeCandidates>;
