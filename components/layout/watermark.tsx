import { watermarkTile } from "@/lib/watermark/text";

/**
 * A faint repeated diagonal text over the page (the viewer's name and the time), when the
 * installation has it on. Built on the server per request; it takes no clicks and is hidden from
 * screen readers, and it prints with the page.
 */
export function Watermark({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <div
      aria-hidden="true"
      data-testid="watermark"
      data-text={text}
      className="watermark pointer-events-none fixed inset-0 z-50 select-none"
      style={{ backgroundImage: watermarkTile(text), backgroundRepeat: "repeat" }}
    />
  );
}
