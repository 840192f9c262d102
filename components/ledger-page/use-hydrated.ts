"use client";

import { useSyncExternalStore } from "react";

const noop = () => () => {};

/**
 * False while rendering on the server and hydrating, true once React runs in the browser. Used
 * for what only works there (charts that measure) and as `data-hydrated` for tests, which must
 * not type into inputs React has not taken over yet.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}
