"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { FieldMessage, RequiredMark, field, useErrorText } from "@/components/ui/form";
import { ApiError } from "@/lib/api/client";
import type { NoticeDto } from "@/lib/notices/schemas";
import { useReplyMutation, type NoticeMessage } from "./use-notice-writes";

/** A liaison's reply to an open notice (at least two characters). */
export function NoticeReplyForm({
  notice,
  onDone,
}: {
  notice: NoticeDto;
  onDone: (m: NoticeMessage) => void;
}) {
  const t = useTranslations("notices.reply");
  const tv = useTranslations("validation");
  const errorText = useErrorText();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | undefined>();
  const ref = useRef<HTMLTextAreaElement>(null);
  const mutation = useReplyMutation(notice.id, {
    onSuccess: () => {
      setBody("");
      onDone({ tone: "success", text: t("sent") });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields.body) {
        setError(e.fields.body);
        ref.current?.focus();
        return;
      }
      onDone({ tone: "error", text: errorText(e) });
    },
  });

  return (
    <form
      noValidate
      data-testid="reply-form"
      onSubmit={(e) => {
        e.preventDefault();
        const text = body.trim();
        if (text.length < 2) {
          setError(text ? tv("tooShort", { min: 2 }) : tv("required"));
          ref.current?.focus();
          return;
        }
        setError(undefined);
        mutation.mutate(text);
      }}
      className="space-y-2"
    >
      <label htmlFor="notice-reply" className={field.label}>
        {t("label")}
        <RequiredMark />
      </label>
      <p id="notice-reply-hint" className={field.hint}>
        {t("hint")}
      </p>
      <textarea
        ref={ref}
        id="notice-reply"
        rows={4}
        maxLength={4000}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        aria-required="true"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "notice-reply-hint notice-reply-error" : "notice-reply-hint"}
        className={field.input(Boolean(error))}
      />
      <FieldMessage id="notice-reply-error" message={error} />
      <button
        type="submit"
        className={field.primary}
        disabled={mutation.isPending}
        data-testid="reply-submit"
      >
        {mutation.isPending ? t("sending") : t("submit")}
      </button>
    </form>
  );
}
