/**
 * The watermark's text: the viewer's name and the time in China ("张三 2026-12-01 09:30"), so a
 * photographed screen or a forwarded file says who looked at it and when. Pure and client-safe.
 */
export function watermarkText(name: string, at: Date = new Date()): string {
  const china = new Date(at.getTime() + 8 * 3_600_000).toISOString();
  return `${name} ${china.slice(0, 10)} ${china.slice(11, 16)}`;
}
