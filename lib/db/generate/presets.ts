/**
 * Sizes of the generated data sets. `national` is the product's target scale (40,000 enterprises
 * under the State Council SASAC and 31 provincial SASACs, about 2M ledger items, about 20M
 * progress entries over 30 months); `regional` is a twentieth of it; `tiny` is for the tests and
 * the smoke run. The demo data set (lib/db/seed) is the `demo` preset of `npm run db:generate`.
 */
export type Preset = {
  name: string;
  enterprises: number;
  /** Groups (trees) under the State Council SASAC. */
  centralGroups: number;
  /** Provincial SASACs (at most 31) and groups per province on average. */
  provinces: number;
  groupsPerProvince: number;
  maxDepth: number;
  categories: number;
  mainTasks: number;
  otherTasks: number;
  /** Chance that an enterprise carries a main / other task (groups carry more). */
  mainTaskShare: number;
  otherTaskShare: number;
  /** Months of reporting history. */
  months: number;
  /** Chance that an active item files an entry in a month besides its first and last. */
  fileChance: number;
  /** Subsidiaries (depth 1) that get a liaison account of their own. */
  subsidiaryLiaisonShare: number;
  /** Closed rounds (the latest ones) whose period-end figures are frozen into RoundSnapshot. */
  snapshotRounds: number;
};

const NATIONAL: Preset = {
  name: "national",
  enterprises: 40_000,
  centralGroups: 98,
  provinces: 31,
  groupsPerProvince: 28,
  maxDepth: 6,
  categories: 10,
  mainTasks: 60,
  otherTasks: 20,
  mainTaskShare: 0.62,
  otherTaskShare: 0.55,
  months: 30,
  fileChance: 0.6,
  subsidiaryLiaisonShare: 0.25,
  snapshotRounds: 1,
};

export const PRESETS: Record<string, Preset> = {
  national: NATIONAL,
  regional: {
    ...NATIONAL,
    name: "regional",
    enterprises: 2_000,
    centralGroups: 5,
    groupsPerProvince: 1.4,
  },
  tiny: {
    ...NATIONAL,
    name: "tiny",
    enterprises: 60,
    centralGroups: 2,
    provinces: 2,
    groupsPerProvince: 1,
    maxDepth: 4,
    categories: 3,
    mainTasks: 6,
    otherTasks: 2,
    mainTaskShare: 0.7,
    subsidiaryLiaisonShare: 0.5,
  },
};

export const PRESET_NAMES = ["demo", ...Object.keys(PRESETS)] as const;
