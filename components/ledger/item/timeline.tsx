"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import type { CommentDto } from "@/lib/comments/schemas";
import type { EntryDto, LedgerItemDetail } from "@/lib/ledger/schemas";
import { CommentCard } from "./comment-card";
import { EntryCard } from "./timeline-entry";

/** Entries shown at first and added by each "show earlier". */
const PAGE = 10;

type Event = { at: string; entry: EntryDto } | { at: string; comment: CommentDto };

/**
 * The item's progress entries and comments, interleaved newest first: each entry with its
 * figures, files, links and reviews, each comment with its mentions.
 */
export function Timeline({
  item,
  comments = [],
  onCorrect,
}: {
  item: LedgerItemDetail;
  comments?: CommentDto[];
  onCorrect?: (entry: EntryDto) => void;
}) {
  const t = useTranslations("ledger.timeline");
  const format = useFormatter();
  const [shown, setShown] = useState(PAGE);
  if (item.entries.length === 0 && comments.length === 0)
    return <p className="text-sm text-slate-700">{t("empty")}</p>;
  const byId = new Map(item.entries.map((e) => [e.id, e]));
  // ISO instants of one format compare as strings; a stable sort keeps each list's own order.
  const events: Event[] = [
    ...item.entries.map((entry) => ({ at: entry.createdAt, entry })),
    ...comments.map((comment) => ({ at: comment.createdAt, comment })),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const remaining = events.length - shown;
  return (
    <>
      <ol className="space-y-4" data-testid="timeline">
        {events
          .slice(0, shown)
          .map((event) =>
            "comment" in event ? (
              <CommentCard key={event.comment.id} comment={event.comment} />
            ) : (
              <EntryCard
                key={event.entry.id}
                entry={event.entry}
                item={item}
                corrected={
                  event.entry.correctsId ? (byId.get(event.entry.correctsId) ?? null) : undefined
                }
                onCorrect={onCorrect}
              />
            ),
          )}
      </ol>
      {remaining > 0 && (
        <div className="mt-4 flex justify-center">
          <button
            type="button"
            onClick={() => setShown((n) => n + PAGE)}
            className="rounded-md border border-brand-700 bg-white px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
          >
            {t("showMore", { count: format.number(remaining) })}
          </button>
        </div>
      )}
    </>
  );
}
