"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/dialog";
import { field, useErrorText } from "@/components/ui/form";
import type { NoticeDto } from "@/lib/notices/schemas";
import { useNoticeActionMutation, type NoticeMessage } from "./use-notice-writes";

type Action = "close" | "escalate";

/**
 * A reviewer closes the notice or escalates it one level, with an optional comment. Both tell the
 * enterprise and cannot be undone, so each asks first.
 */
export function NoticeDecideForm({
  notice,
  onDone,
}: {
  notice: NoticeDto;
  onDone: (m: NoticeMessage) => void;
}) {
  const t = useTranslations("notices.decide");
  const errorText = useErrorText();
  const [comment, setComment] = useState("");
  const [asking, setAsking] = useState<Action | null>(null);
  const mutation = useNoticeActionMutation(notice.id, {
    onSuccess: (action) => {
      setComment("");
      onDone({ tone: "success", text: action === "close" ? t("closed") : t("escalated") });
    },
    onError: (e) => onDone({ tone: "error", text: errorText(e) }),
  });
  // A failed write is reported on the page (onError above), so the dialog closes either way.
  const act = (action: Action) =>
    mutation.mutateAsync({ action, comment: comment.trim() || undefined }).then(
      () => undefined,
      () => undefined,
    );

  const escalateLabel =
    notice.level === "RED" ? t("escalateRed") : t("escalate", { level: t(`next.${notice.level}`) });

  return (
    <form
      noValidate
      onSubmit={(e) => e.preventDefault()}
      className="space-y-3"
      data-testid="decide-form"
    >
      <div>
        <label htmlFor="notice-comment" className={field.label}>
          {t("comment")}
        </label>
        <textarea
          id="notice-comment"
          rows={2}
          maxLength={2000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          className={field.input()}
        />
      </div>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={field.primary}
          disabled={mutation.isPending}
          onClick={() => setAsking("close")}
          data-testid="notice-close"
        >
          {t("close")}
        </button>
        <button
          type="button"
          className={field.danger}
          disabled={mutation.isPending}
          onClick={() => setAsking("escalate")}
          data-testid="notice-escalate"
        >
          {escalateLabel}
        </button>
      </div>
      <ConfirmDialog
        isOpen={asking !== null}
        onOpenChange={(open) => {
          if (!open) setAsking(null);
        }}
        title={
          asking === "escalate"
            ? t("confirmEscalateTitle", { number: notice.number })
            : t("confirmCloseTitle", { number: notice.number })
        }
        message={
          asking === "escalate"
            ? notice.level === "RED"
              ? t("confirmEscalateRed")
              : t("confirmEscalate", { level: t(`next.${notice.level}`) })
            : t("confirmClose")
        }
        confirmLabel={asking === "escalate" ? escalateLabel : t("close")}
        tone={asking === "escalate" ? "danger" : "primary"}
        onConfirm={() => (asking ? act(asking) : undefined)}
        testId="notice-decide-dialog"
      />
    </form>
  );
}
