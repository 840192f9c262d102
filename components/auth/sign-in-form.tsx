"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";

// Messages are keys under "validation", translated at render time.
const SignInSchema = z.object({
  username: z.string().trim().min(1, "required").max(64, "invalid"),
  password: z.string().min(1, "required").max(256, "invalid"),
});
type SignInValues = z.infer<typeof SignInSchema>;

type FormError = { kind: "invalid" | "failed" } | { kind: "locked" | "throttled"; seconds: number };

/** The server's answer: "invalid", or "locked:<s>" / "throttled:<s>" (429, with Retry-After). */
function parseFormError(error: string | null | undefined): FormError {
  const waiting = /^(locked|throttled):(\d+)$/.exec(error ?? "");
  if (waiting) return { kind: waiting[1] as "locked" | "throttled", seconds: Number(waiting[2]) };
  return { kind: error ? "invalid" : "failed" };
}

export function SignInForm() {
  const t = useTranslations("signIn");
  const tv = useTranslations("validation");
  const router = useRouter();
  const [formError, setFormError] = useState<FormError | null>(null);
  const {
    register,
    handleSubmit,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<SignInValues>({
    resolver: zodResolver(SignInSchema),
    defaultValues: { username: "", password: "" },
  });

  const onSubmit = handleSubmit(async ({ username, password }) => {
    setFormError(null);
    const result = await signIn("credentials", { username, password, redirect: false }).catch(
      () => null,
    );
    if (result?.ok && !result.error) {
      router.replace("/");
      router.refresh();
      return;
    }
    const error = parseFormError(result?.error);
    setFormError(error);
    if (error.kind === "invalid") setFocus("password");
  });

  const fieldClass =
    "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm focus:border-brand-700 focus:outline-2 focus:outline-brand-700 aria-[invalid=true]:border-red-700";

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-4"
      aria-describedby={formError ? "sign-in-error" : undefined}
    >
      {formError && (
        <p
          id="sign-in-error"
          role="alert"
          data-testid="sign-in-error"
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {"seconds" in formError
            ? t(formError.kind, { seconds: formError.seconds })
            : t(formError.kind)}
        </p>
      )}
      <div>
        <label htmlFor="username" className="block text-sm font-medium text-slate-800">
          {t("username")}
        </label>
        <input
          id="username"
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          aria-invalid={errors.username ? true : undefined}
          aria-describedby={errors.username ? "username-error" : undefined}
          className={fieldClass}
          {...register("username")}
        />
        {errors.username?.message && (
          <p id="username-error" data-testid="username-error" className="mt-1 text-sm text-red-700">
            {tv(errors.username.message as "required")}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-800">
          {t("password")}
        </label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? "password-error" : undefined}
          className={fieldClass}
          {...register("password")}
        />
        {errors.password?.message && (
          <p id="password-error" data-testid="password-error" className="mt-1 text-sm text-red-700">
            {tv(errors.password.message as "required")}
          </p>
        )}
      </div>
      <button
        type="submit"
        disabled={isSubmitting}
        className="w-full rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:opacity-70"
      >
        {isSubmitting ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
