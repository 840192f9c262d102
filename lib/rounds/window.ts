/** Filing windows are whole days in China time (UTC+8): opens at 00:00 of the first day, closes at 24:00 of the last. */
export function windowBounds(opensOn: string, closesOn: string) {
  const start = new Date(`${opensOn}T00:00:00+08:00`);
  const end = new Date(new Date(`${closesOn}T00:00:00+08:00`).getTime() + 86_400_000);
  return { windowOpensAt: start, windowClosesAt: end };
}
