import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { LanguageSwitcher, type SetLocaleAction } from "@/components/i18n/language-switcher";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { can, type Actor } from "@/lib/auth/policy";
import { NavLinks, type NavItem } from "./nav-links";

/** The header of every signed-in page: app name, the user, language, sign-out, and the navigation. */
export async function AppHeader({
  actor,
  setLocale,
}: {
  actor: Actor;
  setLocale: SetLocaleAction;
}) {
  const [t, tApp, tRoles] = await Promise.all([
    getTranslations("nav"),
    getTranslations("app"),
    getTranslations("roles"),
  ]);
  const items: NavItem[] = [{ href: "/", label: t("home") }];
  if (can(actor, "ledger.read")) items.push({ href: "/ledger", label: t("ledger") });
  if (can(actor, "review.decide") || can(actor, "review.confirm"))
    items.push({ href: "/review", label: t("review") });
  if (can(actor, "ledger.read")) items.push({ href: "/notices", label: t("notices") });
  if (can(actor, "round.manage") || can(actor, "ledger.write") || can(actor, "review.decide")) {
    items.push({ href: "/rounds", label: t("rounds") });
  }
  if (can(actor, "enterprise.read")) items.push({ href: "/enterprises", label: t("enterprises") });
  if (can(actor, "catalogue.manage") || can(actor, "user.manage"))
    items.push({ href: "/admin", label: t("admin") });
  if (actor.role === "ADMIN") items.push({ href: "/api-docs", label: t("apiDocs") });

  return (
    <header className="border-b border-slate-200 bg-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand-700"
      >
        {t("skipToContent")}
      </a>
      <div className="bg-brand-900 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-2.5">
          <Link
            href="/"
            className="text-lg font-semibold tracking-wide focus-visible:outline-2 focus-visible:outline-white"
          >
            {tApp("name")}
          </Link>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <p data-testid="current-user">
              <span className="sr-only">{t("account")}: </span>
              <Link
                href="/account"
                className="font-medium underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-white"
                data-testid="account-link"
              >
                {actor.displayName}
              </Link>
              <span
                className="ml-2 rounded bg-white/15 px-1.5 py-0.5 text-xs"
                data-testid="current-role"
              >
                {tRoles(actor.role)}
              </span>
            </p>
            <NotificationBell tone="dark" />
            <LanguageSwitcher setLocale={setLocale} tone="dark" />
            <SignOutButton />
          </div>
        </div>
      </div>
      <div className="mx-auto max-w-7xl px-4">
        <NavLinks items={items} label={t("main")} />
      </div>
    </header>
  );
}
