"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
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
import { ApiError } from "@/lib/api/client";
import { ROLES } from "@/lib/auth/policy";
import { LOCALES } from "@/lib/i18n/config";
import { createUser, updateUser } from "@/lib/users/query-options";
import { CreateUserInput, newPassword, type CreatedUser, type UserDto } from "@/lib/users/schemas";
import { ShownOnce } from "./shown-once";
import { GrantFields, TextField, type Named } from "./user-form-fields";

type Values = {
  username: string;
  displayName: string;
  email: string;
  locale: (typeof LOCALES)[number];
  role: (typeof ROLES)[number];
  scopeAll: boolean;
  supervisorIds: string[];
  enterpriseIds: string[];
  password: string;
};
const FIELDS = [
  "username",
  "displayName",
  "email",
  "locale",
  "role",
  "scopeAll",
  "supervisorIds",
  "enterpriseIds",
  "password",
] as const;

// The form's own schemas: the API's, with an empty password meaning "generate one".
const CreateSchema = CreateUserInput.extend({ password: z.union([z.literal(""), newPassword]) });
const EditSchema = CreateUserInput.omit({ username: true, password: true });

function valuesOf(user: UserDto | null): Values {
  return {
    username: user?.username ?? "",
    displayName: user?.displayName ?? "",
    email: user?.email ?? "",
    locale: user?.locale ?? "zh-CN",
    role: user?.role ?? "LIAISON",
    scopeAll: user?.scopeAll ?? false,
    supervisorIds: user?.supervisors.map((s) => s.id) ?? [],
    enterpriseIds: user?.enterprises.map((e) => e.id) ?? [],
    password: "",
  };
}

/** Create a user, or edit one (`user` given): details, role, scope grants. */
export function UserForm({
  user,
  supervisors,
  canGrantAll,
}: {
  user: UserDto | null;
  supervisors: Named[];
  /** National administrators may grant national scope. */
  canGrantAll: boolean;
}) {
  const t = useTranslations("users");
  const tRoles = useTranslations("roles");
  const tLocale = useTranslations("locale");
  const router = useRouter();
  const hydrated = useHydrated();
  const errorText = useErrorText();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [created, setCreated] = useState<CreatedUser | null>(null);
  const [version, setVersion] = useState(user?.version ?? 0);
  // A status change elsewhere on the page moves the version (the page re-renders with it).
  const [seenVersion, setSeenVersion] = useState(user?.version ?? 0);
  if (user && user.version !== seenVersion) {
    setSeenVersion(user.version);
    setVersion(user.version);
  }
  const [enterprises, setEnterprises] = useState<Named[]>(user?.enterprises ?? []);
  const resolver = useZodResolver<Values>(user ? EditSchema : CreateSchema);
  const { register, handleSubmit, setError, setValue, reset, control, formState } = useForm<Values>(
    {
      resolver,
      defaultValues: valuesOf(user),
    },
  );
  const { errors, isSubmitting } = formState;
  const scopeAll = useWatch({ control, name: "scopeAll" });

  const setEnterpriseList = (list: Named[]) => {
    setEnterprises(list);
    setValue(
      "enterpriseIds",
      list.map((e) => e.id),
      { shouldDirty: true },
    );
  };
  const showCurrent = (current: UserDto) => {
    reset(valuesOf(current));
    setEnterprises(current.enterprises);
    setVersion(current.version);
  };

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setSaved(false);
    setCreated(null);
    const common = {
      displayName: values.displayName,
      email: values.email,
      locale: values.locale,
      role: values.role,
      scopeAll: values.scopeAll,
      supervisorIds: values.scopeAll ? [] : values.supervisorIds,
      enterpriseIds: values.scopeAll ? [] : values.enterpriseIds,
    };
    try {
      if (user) {
        showCurrent(await updateUser(user.id, { version, ...common }));
        setSaved(true);
      } else {
        setCreated(
          await createUser({
            ...common,
            username: values.username,
            password: values.password || undefined,
          }),
        );
        reset(valuesOf(null));
        setEnterprises([]);
      }
      router.refresh();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && user) {
        const current = error.details.current as UserDto | undefined;
        if (current) showCurrent(current);
        setFormError(t("form.conflict"));
        return;
      }
      if (showServerFieldErrors(error, FIELDS, setError)) return;
      setFormError(errorText(error));
    }
  });

  const selectClass = (invalid: boolean) => field.input(invalid);
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-4"
      data-testid="user-form"
      data-hydrated={hydrated ? "true" : "false"}
    >
      {formError && <Notice tone="error">{formError}</Notice>}
      {saved && (
        <Notice tone="success" testId="user-saved">
          {t("form.saved")}
        </Notice>
      )}
      {created && (
        <Notice tone="success" testId="user-created">
          {t("created", { username: created.username })}{" "}
          <Link
            href={`/admin/users/${created.id}`}
            className="font-medium underline"
            data-testid="created-user-link"
          >
            {t("openUser")}
          </Link>
          {created.temporaryPassword && (
            <ShownOnce label={t("temporaryPassword")} value={created.temporaryPassword} />
          )}
        </Notice>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {!user && (
          <TextField
            id="user-username"
            label={t("form.username")}
            registration={register("username")}
            error={errors.username?.message}
            hint={t("form.usernameHint")}
            required
          />
        )}
        <TextField
          id="user-displayName"
          label={t("form.displayName")}
          registration={register("displayName")}
          error={errors.displayName?.message}
          required
        />
        <TextField
          id="user-email"
          type="email"
          label={t("form.email")}
          registration={register("email")}
          error={errors.email?.message}
        />
        <div>
          <label htmlFor="user-locale" className={field.label}>
            {t("form.locale")}
          </label>
          <select id="user-locale" {...register("locale")} className={selectClass(false)}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {tLocale(l)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="user-role" className={field.label}>
            {t("form.role")}
            <RequiredMark />
          </label>
          <select
            id="user-role"
            {...register("role")}
            aria-invalid={errors.role ? true : undefined}
            aria-describedby={errors.role ? "user-role-error" : undefined}
            className={selectClass(Boolean(errors.role))}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tRoles(r)}
              </option>
            ))}
          </select>
          <FieldMessage id="user-role-error" message={errors.role?.message} />
        </div>
        {!user && (
          <TextField
            id="user-password"
            type="password"
            autoComplete="new-password"
            label={t("form.password")}
            registration={register("password")}
            error={errors.password?.message}
            hint={t("form.passwordHint")}
          />
        )}
      </div>
      {canGrantAll && (
        <div>
          <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
            <input
              type="checkbox"
              {...register("scopeAll")}
              aria-describedby="user-scopeAll-hint"
            />
            {t("form.scopeAll")}
          </label>
          <p id="user-scopeAll-hint" className={field.hint}>
            {t("form.scopeAllHint")}
          </p>
          <FieldMessage id="user-scopeAll-error" message={errors.scopeAll?.message} />
        </div>
      )}
      {!scopeAll && (
        <GrantFields
          supervisors={supervisors}
          supervisorRegistration={register("supervisorIds")}
          supervisorError={errors.supervisorIds?.message}
          enterprises={enterprises}
          onEnterprisesChange={setEnterpriseList}
          enterpriseError={errors.enterpriseIds?.message}
        />
      )}
      <button
        type="submit"
        className={field.primary}
        disabled={isSubmitting}
        data-testid="user-submit"
      >
        {user
          ? isSubmitting
            ? t("form.saving")
            : t("form.save")
          : isSubmitting
            ? t("form.creating")
            : t("form.create")}
      </button>
    </form>
  );
}
