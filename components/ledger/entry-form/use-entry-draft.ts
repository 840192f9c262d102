"use client";

import { useCallback, useEffect, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import { z } from "zod";
import { useViewerId } from "@/components/ui/viewer";
import type { EntryFormValues, EntryMode } from "./entry-form-model";

/**
 * The entry form's draft, kept in this browser's localStorage while the user types (a reload,
 * a crash or a closed tab loses nothing) until it is sent or discarded. One draft per user, item
 * and mode. It holds what the inputs hold (narrative, figures, links), nothing secret; uploaded
 * files are not kept (the uploader owns them), the draft only counts them to say so.
 */
const PREFIX = "reform-ledger.entry-draft.v1";
const SAVE_DELAY_MS = 400;

const StoredDraft = z.object({
  savedAt: z.iso.datetime(),
  files: z.number().int().min(0),
  values: z.object({
    period: z.string(),
    narrative: z.string(),
    percentDone: z.string(),
    status: z.enum(["NOT_STARTED", "IN_PROGRESS"]),
    indicators: z.array(z.object({ indicatorId: z.string(), value: z.string() })),
    links: z.array(z.object({ url: z.string(), title: z.string() })),
  }),
});
type StoredDraft = z.infer<typeof StoredDraft>;

export function draftKey(userId: string, itemId: string, mode: EntryMode): string {
  return `${PREFIX}:${userId}:${itemId}:${mode}`;
}

/** The inputs worth keeping: everything but the files. */
function kept(values: EntryFormValues): StoredDraft["values"] {
  return {
    period: values.period,
    narrative: values.narrative,
    percentDone: values.percentDone,
    status: values.status,
    indicators: values.indicators.map((i) => ({ indicatorId: i.indicatorId, value: i.value })),
    links: values.links.map((l) => ({ url: l.url, title: l.title })),
  };
}

function read(key: string): StoredDraft | null {
  try {
    const raw = window.localStorage.getItem(key);
    const parsed = raw ? StoredDraft.safeParse(JSON.parse(raw)) : null;
    return parsed?.success ? parsed.data : null;
  } catch {
    return null; // storage disabled or a broken entry: no draft
  }
}

function write(key: string, draft: StoredDraft | null) {
  try {
    if (draft) window.localStorage.setItem(key, JSON.stringify(draft));
    else window.localStorage.removeItem(key);
  } catch {
    // Storage full or disabled: the form works on without drafts.
  }
}

/**
 * The draft of a form restored onto `base` (the item as it is now): indicators the task no
 * longer has are dropped, a period no longer reportable falls back to the form's default.
 */
function restoreOnto(
  base: EntryFormValues,
  draft: StoredDraft["values"],
  periods: string[],
): EntryFormValues {
  const given = new Map(draft.indicators.map((i) => [i.indicatorId, i.value]));
  return {
    ...base,
    period: periods.includes(draft.period) ? draft.period : base.period,
    narrative: draft.narrative,
    percentDone: draft.percentDone,
    status: draft.status,
    indicators: base.indicators.map((i) => ({ ...i, value: given.get(i.indicatorId) ?? "" })),
    links: draft.links,
  };
}

export type RestoredDraft = { savedAt: string; files: number };

export function useEntryDraft({
  form,
  mode,
  itemId,
  periods,
  enabled,
}: {
  form: UseFormReturn<EntryFormValues>;
  mode: EntryMode;
  itemId: string;
  periods: string[];
  /** Off while correcting an earlier entry (that form starts from the entry, not a draft). */
  enabled: boolean;
}) {
  const userId = useViewerId();
  const key = userId && enabled ? draftKey(userId, itemId, mode) : null;
  const [restored, setRestored] = useState<RestoredDraft | null>(null);

  // Restore once, after hydration (the server render never sees localStorage).
  useEffect(() => {
    if (!key) return;
    const draft = read(key);
    if (!draft) return;
    const base = form.formState.defaultValues as EntryFormValues;
    // keepDefaultValues: the restored inputs count as edits (dirty) against the item's state.
    form.reset(restoreOnto(base, draft.values, periods), { keepDefaultValues: true });
    // localStorage exists only in the browser, after hydration: this state cannot start there.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setRestored({ savedAt: draft.savedAt, files: draft.files });
    // Only when the form (its key) changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  // Keep while typing (debounced); a form back at its starting values has no draft.
  useEffect(() => {
    if (!key) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = () => {
      const all = form.getValues();
      const values = kept(all);
      const files = all.evidenceIds.length;
      const base = kept(form.formState.defaultValues as EntryFormValues);
      const unchanged = JSON.stringify(values) === JSON.stringify(base) && files === 0;
      write(key, unchanged ? null : { savedAt: new Date().toISOString(), files, values });
    };
    const subscription = form.watch(() => {
      clearTimeout(timer);
      timer = setTimeout(save, SAVE_DELAY_MS);
    });
    return () => {
      subscription.unsubscribe();
      if (timer) {
        clearTimeout(timer);
        save(); // leaving the page mid-pause keeps the last keystrokes
      }
    };
  }, [key, form]);

  /** After a successful submit: nothing left to keep. */
  const clear = useCallback(() => {
    if (key) write(key, null);
    setRestored(null);
  }, [key]);

  /** The user throws the draft away: the form goes back to the item as it is. */
  const discard = useCallback(() => {
    if (key) write(key, null);
    setRestored(null);
    form.reset(form.formState.defaultValues as EntryFormValues);
  }, [key, form]);

  /**
   * Whether this browser keeps a draft of the form (read now, not at the last render): a draft
   * restored in this same commit has not re-rendered the form yet, so its dirty flag is stale.
   */
  const held = useCallback(() => (key ? read(key) !== null : false), [key]);

  return { restored, held, clear, discard };
}
