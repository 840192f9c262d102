// use-intl/core, not next-intl: this module also runs in the job worker, outside React.
import { createTranslator } from "use-intl/core";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import type { Locale } from "./config";

export type Messages = typeof zhCN;
const MESSAGES: Record<Locale, Messages> = { "zh-CN": zhCN, en };

export function messagesFor(locale: Locale): Messages {
  return MESSAGES[locale];
}

/** A translator for code outside React (route handlers, server actions, e-mails). */
export function translator(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale] });
}
