"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import {
  field,
  FieldMessage,
  Notice,
  RequiredMark,
  showServerFieldErrors,
  useErrorText,
  useZodResolver,
} from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";
import { changeOwnPassword } from "@/lib/users/query-options";
import { ChangeOwnPasswordInput } from "@/lib/users/schemas";

type Values = { currentPassword: string; newPassword: string; confirmPassword: string };
const FIELDS = [
  { name: "currentPassword", autoComplete: "current-password", hint: false },
  { name: "newPassword", autoComplete: "new-password", hint: true },
  { name: "confirmPassword", autoComplete: "new-password", hint: false },
] as const;

/** The signed-in user changes their own password; the server's field messages land on the fields. */
export function ChangePasswordForm() {
  const t = useTranslations("account");
  const hydrated = useHydrated();
  const errorText = useErrorText();
  const [changed, setChanged] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const resolver = useZodResolver<Values>(ChangeOwnPasswordInput);
  const { register, handleSubmit, setError, reset, formState } = useForm<Values>({
    resolver,
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async ({ currentPassword, newPassword, confirmPassword }) => {
    setChanged(false);
    setFormError(null);
    if (newPassword !== confirmPassword) {
      setError(
        "confirmPassword",
        { type: "mismatch", message: t("mismatch") },
        { shouldFocus: true },
      );
      return;
    }
    try {
      await changeOwnPassword({ currentPassword, newPassword });
      reset();
      setChanged(true);
    } catch (error) {
      if (showServerFieldErrors(error, ["currentPassword", "newPassword"], setError)) return;
      setFormError(errorText(error));
    }
  });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="max-w-md space-y-4"
      data-testid="change-password-form"
      data-hydrated={hydrated ? "true" : "false"}
    >
      {formError && <Notice tone="error">{formError}</Notice>}
      {changed && (
        <Notice tone="success" testId="password-changed">
          {t("changed")}
        </Notice>
      )}
      {FIELDS.map(({ name, autoComplete, hint }) => {
        const id = `account-${name}`;
        const error = errors[name]?.message;
        return (
          <div key={name}>
            <label htmlFor={id} className={field.label}>
              {t(name)}
              <RequiredMark />
            </label>
            <input
              id={id}
              type="password"
              autoComplete={autoComplete}
              {...register(name)}
              aria-invalid={error ? true : undefined}
              aria-describedby={
                [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].join(" ").trim() || undefined
              }
              className={field.input(Boolean(error))}
            />
            {hint && (
              <p id={`${id}-hint`} className={field.hint}>
                {t("newPasswordHint")}
              </p>
            )}
            <FieldMessage id={`${id}-error`} message={error} />
          </div>
        );
      })}
      <button
        type="submit"
        className={field.primary}
        disabled={isSubmitting}
        data-testid="change-password-submit"
      >
        {isSubmitting ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
