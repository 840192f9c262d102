"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { Combobox } from "@/components/ui/combobox";
import { FieldMessage, useErrorText, useZodResolver } from "@/components/ui/form";
import { ApiError } from "@/lib/api/client";
import { PostCommentInput, type MentionableUser } from "@/lib/comments/schemas";
import { ledgerQueries, postComment, searchMentionable } from "@/lib/ledger/query-options";

type Values = { body: string; mentions: string[] };
type Option = { id: string; label: string; description: string };

const button =
  "rounded-md bg-brand-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:opacity-60";

/**
 * A comment on the item, with @mentions picked from the users whose scope covers it (the
 * server checks again: anyone else is a 422 shown on the picker). Picking a user adds
 * "@name" to the text and the user to the ones notified.
 */
export function CommentForm({ itemId }: { itemId: string }) {
  const t = useTranslations("ledger.comments");
  const errorText = useErrorText();
  const client = useQueryClient();
  const [picked, setPicked] = useState<MentionableUser[]>([]);
  const [status, setStatus] = useState("");
  const form = useForm<Values>({
    resolver: useZodResolver<Values>(PostCommentInput),
    defaultValues: { body: "", mentions: [] },
  });
  const post = useMutation({
    mutationFn: (values: Values) => postComment(itemId, values),
    onSuccess: async () => {
      form.reset({ body: "", mentions: [] });
      setPicked([]);
      setStatus(t("posted"));
      await client.invalidateQueries({ queryKey: ledgerQueries.comments(itemId).queryKey });
    },
    onError: (error) => {
      const fields = error instanceof ApiError ? error.fields : {};
      if (fields.mentions) form.setError("mentions", { message: fields.mentions });
      else if (fields.body) form.setError("body", { message: fields.body });
      else setStatus(errorText(error));
    },
  });
  const errors = form.formState.errors;

  return (
    <form
      className="space-y-3"
      noValidate
      onSubmit={form.handleSubmit((values) => post.mutate(values))}
      data-testid="comment-form"
    >
      <div>
        <label htmlFor="comment-body" className="block text-sm font-medium text-slate-800">
          {t("body")}
        </label>
        <textarea
          id="comment-body"
          rows={3}
          maxLength={2000}
          className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-2.5 py-1.5 text-sm text-slate-900 focus:border-brand-700 focus:outline-2 focus:outline-brand-700"
          aria-invalid={Boolean(errors.body)}
          aria-describedby={errors.body ? "comment-body-error" : undefined}
          {...form.register("body")}
        />
        <FieldMessage id="comment-body-error" message={errors.body?.message} />
      </div>
      <Controller
        control={form.control}
        name="mentions"
        render={({ field }) => (
          <Combobox<Option>
            label={t("mention")}
            description={t("mentionHint")}
            selectedId={null}
            load={async (q, signal) =>
              (await searchMentionable(itemId, q, signal)).map((u) => ({
                id: u.id,
                label: u.displayName,
                description: u.username,
              }))
            }
            onChange={(option) => {
              if (!option || field.value.includes(option.id)) return;
              field.onChange([...field.value, option.id]);
              setPicked((list) => [
                ...list,
                { id: option.id, displayName: option.label, username: option.description },
              ]);
              const body = form.getValues("body");
              form.setValue(
                "body",
                `${body}${body && !body.endsWith(" ") ? " " : ""}@${option.label} `,
              );
            }}
            errorMessage={errors.mentions?.message}
            testId="mention-picker"
          />
        )}
      />
      {picked.length > 0 && (
        <p className="text-sm text-slate-700" data-testid="mention-list">
          {t("mentioned")}{" "}
          {picked.map((user) => (
            <button
              key={user.id}
              type="button"
              className="mr-1 rounded-full border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100"
              aria-label={t("remove", { name: user.displayName })}
              onClick={() => {
                setPicked((list) => list.filter((u) => u.id !== user.id));
                form.setValue(
                  "mentions",
                  form.getValues("mentions").filter((id) => id !== user.id),
                );
              }}
            >
              @{user.displayName} ×
            </button>
          ))}
        </p>
      )}
      <div className="flex items-center gap-3">
        <button
          type="submit"
          className={button}
          disabled={post.isPending}
          data-testid="submit-comment"
        >
          {t("submit")}
        </button>
        <p role="status" className="text-sm text-slate-700" data-testid="comment-status">
          {status}
        </p>
      </div>
    </form>
  );
}
