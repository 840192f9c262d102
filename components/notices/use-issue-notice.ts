"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { UseFormSetError, UseFormSetFocus } from "react-hook-form";
import { useErrorText } from "@/components/ui/form";
import { ApiError } from "@/lib/api/client";
import type { NoticeDto } from "@/lib/notices/schemas";
import { useIssueNoticeMutation } from "./use-notice-writes";

export type IssueNoticeValues = {
  itemIds: string[];
  level: NoticeDto["level"];
  requiredAction: string;
  responseDueOn: string;
};

const ORDER: (keyof IssueNoticeValues)[] = ["itemIds", "level", "requiredAction", "responseDueOn"];

/**
 * Sends a valid form and opens the new notice. A 422 puts the server's messages beside their
 * fields and focuses the first (the items' heading for `itemIds`); anything else is `formError`.
 */
export function useIssueNotice({
  setError,
  setFocus,
  focusItems,
}: {
  setError: UseFormSetError<IssueNoticeValues>;
  setFocus: UseFormSetFocus<IssueNoticeValues>;
  focusItems: () => void;
}) {
  const router = useRouter();
  const errorText = useErrorText();
  const mutation = useIssueNoticeMutation();
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async (values: IssueNoticeValues) => {
    setFormError(null);
    try {
      const { notices } = await mutation.mutateAsync(values);
      // One notice: open it. One per group: the list, which says how many were issued.
      router.push(
        notices.length === 1
          ? `/notices/${notices[0]!.id}?issued=1`
          : `/notices?issued=${notices.map((n) => n.id).join(",")}`,
      );
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        let first: keyof IssueNoticeValues | null = null;
        for (const name of ORDER) {
          const message =
            error.fields[name] ??
            Object.entries(error.fields).find(([k]) => k.startsWith(`${name}.`))?.[1];
          if (message) {
            setError(name, { type: "server", message });
            first ??= name;
          }
        }
        if (first === "itemIds") focusItems();
        else if (first) setFocus(first);
        if (first) return;
      }
      setFormError(errorText(error));
    }
  };
  return { submit, formError };
}
