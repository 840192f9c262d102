"use server";

import { cookies } from "next/headers";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/config";

const ONE_YEAR = 365 * 24 * 60 * 60;

/** Remembers the interface language chosen by the user (signed in or not). */
export async function setLocale(locale: string): Promise<{ ok: boolean }> {
  if (!isLocale(locale)) return { ok: false };
  const store = await cookies();
  store.set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: ONE_YEAR,
    sameSite: "lax",
    // Read by the server only (the page hands the locale down); no script needs it.
    httpOnly: true,
  });
  return { ok: true };
}
