import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { setLocale } from "@/app/actions/locale";
import { SignInForm } from "@/components/auth/sign-in-form";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { getActor } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

export default async function SignInPage() {
  if (await getActor()) redirect("/");
  const [t, tApp] = await Promise.all([getTranslations("signIn"), getTranslations("app")]);
  return (
    <div className="flex min-h-screen flex-col bg-slate-100">
      <header className="bg-brand-900 text-white">
        <div className="mx-auto flex max-w-5xl items-center justify-between px-4 py-3">
          <p className="text-lg font-semibold tracking-wide">{tApp("name")}</p>
          <LanguageSwitcher setLocale={setLocale} tone="dark" />
        </div>
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 py-16">
        <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="text-xl font-semibold text-slate-900">{t("heading")}</h1>
          <p className="mt-1 mb-5 text-sm text-slate-600">{t("intro")}</p>
          <SignInForm />
        </div>
      </main>
      <footer className="py-4 text-center text-xs text-slate-600">{tApp("tagline")}</footer>
    </div>
  );
}
