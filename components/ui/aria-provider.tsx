"use client";

import { useRouter } from "next/navigation";
import { useLocale } from "next-intl";
import { I18nProvider, RouterProvider } from "react-aria-components";

/**
 * React Aria reads the locale (date formats, calendar, screen-reader announcements) from its own
 * context and would otherwise guess from the browser, which differs from the server render. Links
 * in menus go through the Next router so they navigate without a full page load. Harmless when an
 * outer provider already sets the same values.
 */
export function AriaProvider({ children }: { children: React.ReactNode }) {
  const locale = useLocale();
  const router = useRouter();
  return (
    <I18nProvider locale={locale}>
      <RouterProvider navigate={(href) => router.push(href)}>{children}</RouterProvider>
    </I18nProvider>
  );
}
