"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { useForm } from "react-hook-form";
import { Combobox, type ComboboxItem } from "@/components/ui/combobox";
import { DatePickerField } from "@/components/ui/date-picker";
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
import { createToken, searchUsers } from "@/lib/users/query-options";
import { CreateTokenInput, TOKEN_DEFAULT_DAYS, type CreatedToken } from "@/lib/users/token-schemas";
import { TokenSecretDialog } from "./token-secret-dialog";

type Values = { name: string; expiresOn: string; userId?: string };
type UserOption = ComboboxItem;

/**
 * Creates an API token and shows its secret once. With `pickUser` an administrator chooses whose
 * token it is (themselves by default, or a user they manage); otherwise it is the caller's own.
 */
export function CreateTokenForm({
  minExpiresOn,
  defaultExpiresOn,
  maxExpiresOn,
  pickUser,
  initialUser,
}: {
  /** Today, tomorrow by default, and a year ahead (ISO China days, from the server's clock). */
  minExpiresOn: string;
  defaultExpiresOn: string;
  maxExpiresOn: string;
  pickUser?: boolean;
  initialUser?: UserOption | null;
}) {
  const t = useTranslations("tokens");
  const router = useRouter();
  const hydrated = useHydrated();
  const errorText = useErrorText();
  const [user, setUser] = useState<UserOption | null>(initialUser ?? null);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const resolver = useZodResolver<Values>(CreateTokenInput);
  const { register, control, handleSubmit, setError, reset, formState } = useForm<Values>({
    resolver,
    defaultValues: { name: "", expiresOn: defaultExpiresOn },
  });
  const { errors, isSubmitting } = formState;
  const loadUsers = useCallback(
    async (q: string, signal: AbortSignal) =>
      (await searchUsers(q, signal)).map((u) => ({
        id: u.id,
        label: u.displayName,
        description: u.username,
      })),
    [],
  );

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const token = await createToken({
        name: values.name,
        expiresOn: values.expiresOn || undefined,
        userId: user?.id,
      });
      setCreated(token);
      reset({ name: "", expiresOn: defaultExpiresOn });
      router.refresh();
    } catch (error) {
      if (showServerFieldErrors(error, ["name", "expiresOn", "userId"], setError)) return;
      setFormError(errorText(error));
    }
  });

  return (
    <>
      <form
        onSubmit={onSubmit}
        noValidate
        className="space-y-4"
        data-testid="create-token-form"
        data-hydrated={hydrated ? "true" : "false"}
      >
        {formError && <Notice tone="error">{formError}</Notice>}
        <div className="grid gap-4 md:grid-cols-3">
          <div>
            <label htmlFor="token-name" className={field.label}>
              {t("name")}
              <RequiredMark />
            </label>
            <input
              id="token-name"
              autoComplete="off"
              {...register("name")}
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={["token-name-hint", errors.name ? "token-name-error" : ""]
                .join(" ")
                .trim()}
              className={field.input(Boolean(errors.name))}
            />
            <p id="token-name-hint" className={field.hint}>
              {t("nameHint")}
            </p>
            <FieldMessage id="token-name-error" message={errors.name?.message} />
          </div>
          {pickUser && (
            <Combobox<UserOption>
              label={t("user")}
              load={loadUsers}
              selectedId={user?.id ?? null}
              selectedLabel={user?.label ?? null}
              onChange={setUser}
              description={t("userHint")}
              errorMessage={errors.userId?.message}
              testId="token-user"
            />
          )}
          <DatePickerField
            control={control}
            name="expiresOn"
            label={t("expiresOn")}
            description={t("expiresOnHint", { days: TOKEN_DEFAULT_DAYS })}
            min={minExpiresOn}
            max={maxExpiresOn}
            testId="token-expiresOn"
          />
        </div>
        <button
          type="submit"
          className={field.primary}
          disabled={isSubmitting}
          data-testid="create-token-submit"
        >
          {isSubmitting ? t("creating") : t("create")}
        </button>
      </form>
      <TokenSecretDialog token={created} onClose={() => setCreated(null)} />
    </>
  );
}
