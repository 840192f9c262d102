/**
 * The watermark's text: the viewer's name and the time in China ("张三 2026-12-01 09:30"), so a
 * photographed screen or a forwarded file says who looked at it and when. Pure and client-safe.
 */
export function watermarkText(name: string, at: Date = new Date()): string {
  const china = new Date(at.getTime() + 8 * 3_600_000).toISOString();
  return `${name} ${china.slice(0, 10)} ${china.slice(11, 16)}`;
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A tile of the page watermark: the text once, rotated, faint, as an SVG data URL for a CSS
 * background that repeats it over the page (no script, no request, printed with the page).
 */
export function watermarkTile(text: string): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200">` +
    `<text x="160" y="100" text-anchor="middle" dominant-baseline="middle" ` +
    `transform="rotate(-24 160 100)" fill="#0f172a" fill-opacity="0.07" ` +
    `font-size="16" font-family="PingFang SC, Microsoft YaHei, Noto Sans SC Variable, sans-serif">` +
    `${escapeXml(text)}</text></svg>`;
  return `url("data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}")`;
}
