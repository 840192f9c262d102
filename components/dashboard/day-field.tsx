"use client";

import { useEffect, useState } from "react";
import { DatePicker, type DatePickerProps } from "@/components/ui/date-picker";

/** Time to finish typing a date, segment by segment, before the page follows it. */
const SETTLE_MS = 900;

/**
 * A date picker that commits once the date stops changing, so typing "05", "31", "2024" moves
 * the page once rather than at every segment. Give it `key={value}` to reset after a commit.
 */
export function DayField({
  value,
  onCommit,
  ...props
}: Omit<DatePickerProps, "onChange"> & { onCommit: (value: string) => void }) {
  const [draft, setDraft] = useState(value);
  const [committed, setCommitted] = useState(value);
  useEffect(() => {
    if (draft === committed) return;
    const timer = setTimeout(() => {
      setCommitted(draft);
      onCommit(draft);
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [draft, committed, onCommit]);
  return <DatePicker {...props} value={draft} onChange={setDraft} />;
}
