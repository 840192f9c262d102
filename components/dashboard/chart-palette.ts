/**
 * Okabe-Ito colours, safe for the common colour-vision deficiencies; every series also differs
 * in line style and marker, and is labelled directly, so colour is never the only cue.
 */
export const PALETTE = {
  rate: "#0072B2",
  target: "#D55E00",
  forecast: "#009E73",
  grid: "#cbd5e1",
  axis: "#334155",
} as const;

export const DASH = { rate: undefined, target: "6 3", forecast: "2 3" } as const;
