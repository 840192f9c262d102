"use client";

import clsx from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

export type NavItem = { href: string; label: string };

/** The main navigation; marks the current section with aria-current. */
export function NavLinks({ items, label }: { items: NavItem[]; label: string }) {
  const pathname = usePathname();
  const t = useTranslations("nav");
  // Every role has a scope to look at: the dashboard follows home.
  const [home, ...rest] = items;
  const all: NavItem[] =
    home?.href === "/" ? [home, { href: "/dashboard", label: t("dashboard") }, ...rest] : items;
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-1">
        {all.map(({ href, label: text }) => {
          const current =
            href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={clsx(
                  "block border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-brand-700",
                  current
                    ? "border-brand-700 text-brand-700"
                    : "border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900",
                )}
              >
                {text}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
