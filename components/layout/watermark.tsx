/**
 * A faint repeated diagonal text over the page (the viewer's name and the time), when the
 * installation has it on. Built on the server per request; it takes no clicks and is hidden from
 * screen readers, and it prints with the page (a fixed element repeats on every printed page).
 * Real text, not an SVG background: an image cannot use the page's fonts, so on a machine
 * without a Chinese font the name would show as boxes. Drawn by ::before from an attribute, so
 * it is no text of the page (faint on purpose, it is not held to the contrast rules).
 */
export function Watermark({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <div
      aria-hidden="true"
      data-testid="watermark"
      data-text={text}
      className="watermark pointer-events-none fixed inset-0 z-50 overflow-hidden select-none"
    >
      <div className="absolute -inset-1/2 flex -rotate-[24deg] flex-wrap content-start gap-x-28 gap-y-24 text-base text-slate-900/[0.07]">
        {Array.from({ length: 160 }, (_, i) => (
          <span
            key={i}
            data-text={text}
            className="whitespace-nowrap before:content-[attr(data-text)]"
          />
        ))}
      </div>
    </div>
  );
}
