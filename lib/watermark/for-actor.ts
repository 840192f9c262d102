import "server-only";
import { serverEnv } from "@/lib/env";
import { watermarkText } from "./text";

/** The watermark text for this viewer now, or null when the installation has it off. */
export function watermarkFor(actor: { displayName: string }, at: Date = new Date()): string | null {
  return serverEnv().WATERMARK ? watermarkText(actor.displayName, at) : null;
}
