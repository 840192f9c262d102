"use client";

import clsx from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

/**
 * The programme's pages: its settings, its catalogue, and the assignment and coverage pages
 * (分解下达, 覆盖矩阵) that live under the same programme.
 */
export function ProgrammeNav({ programmeId }: { programmeId: string }) {
  const t = useTranslations("catalogue.nav");
  const pathname = usePathname();
  const base = `/programmes/${programmeId}`;
  const links: { href: string; label: string; exact?: boolean; also?: string }[] = [
    { href: base, label: t("settings"), exact: true },
    { href: `${base}/catalogue`, label: t("catalogue"), also: `${base}/tasks/` },
    { href: `${base}/assign`, label: t("assign") },
    { href: `${base}/matrix`, label: t("matrix") },
  ];
  return (
    <nav aria-label={t("label")} data-testid="programme-nav">
      <ul className="flex flex-wrap gap-1 border-b border-slate-200">
        {links.map((link) => {
          const current = link.exact
            ? pathname === link.href
            : pathname === link.href ||
              pathname.startsWith(`${link.href}/`) ||
              (link.also !== undefined && pathname.startsWith(link.also));
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={clsx(
                  "-mb-px inline-block border-b-2 px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-brand-700",
                  current
                    ? "border-brand-700 font-medium text-brand-900"
                    : "border-transparent text-slate-700 hover:text-brand-700",
                )}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
        <li className="ml-auto">
          <Link
            href="/programmes"
            className="inline-block px-3 py-2 text-sm text-brand-700 underline focus-visible:outline-2 focus-visible:outline-brand-700"
          >
            {t("all")}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
