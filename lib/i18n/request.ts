import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, pickLocale, TIME_ZONE } from "./config";
import { messagesFor } from "./messages";

export async function currentLocale() {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return pickLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await currentLocale();
  return { locale, messages: messagesFor(locale), timeZone: TIME_ZONE };
});
