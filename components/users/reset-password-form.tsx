"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Notice, field, useErrorText, useZodResolver } from "@/components/ui/form";
import { ApiError } from "@/lib/api/client";
import { resetPassword } from "@/lib/users/query-options";
import { newPassword, type PasswordResetResult } from "@/lib/users/schemas";
import { ShownOnce } from "./shown-once";
import { TextField } from "./user-form-fields";

type Values = { password: string };
const Schema = z.object({ password: z.union([z.literal(""), newPassword]) });

/** An administrator sets a temporary password (typed, or generated and shown once) and unlocks. */
export function ResetPasswordForm({ userId }: { userId: string }) {
  const t = useTranslations("users.reset");
  const router = useRouter();
  const errorText = useErrorText();
  const [done, setDone] = useState<PasswordResetResult | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const resolver = useZodResolver<Values>(Schema);
  const { register, handleSubmit, setError, reset, formState } = useForm<Values>({
    resolver,
    defaultValues: { password: "" },
  });

  const onSubmit = handleSubmit(async ({ password }) => {
    setDone(null);
    setFormError(null);
    try {
      setDone(await resetPassword(userId, { password: password || undefined }));
      reset({ password: "" });
      router.refresh();
    } catch (error) {
      if (error instanceof ApiError && error.fields.password) {
        setError(
          "password",
          { type: "server", message: error.fields.password },
          { shouldFocus: true },
        );
        return;
      }
      setFormError(errorText(error));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="reset-password-form">
      <p className="text-sm text-slate-700">{t("intro")}</p>
      {formError && <Notice tone="error">{formError}</Notice>}
      {done && (
        <Notice tone="success" testId="password-reset-done">
          {t("done")}
          {done.temporaryPassword && (
            <ShownOnce label={t("generated")} value={done.temporaryPassword} />
          )}
        </Notice>
      )}
      <div className="max-w-sm">
        <TextField
          id="reset-password"
          type="password"
          autoComplete="new-password"
          label={t("password")}
          hint={t("passwordHint")}
          registration={register("password")}
          error={formState.errors.password?.message}
        />
      </div>
      <button
        type="submit"
        className={field.secondary}
        disabled={formState.isSubmitting}
        data-testid="reset-password-submit"
      >
        {formState.isSubmitting ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
