"use client";

import { createContext, useContext } from "react";

const ViewerContext = createContext<string | null>(null);

/**
 * The signed-in user's id for browser-side state kept per user (a form's draft in
 * localStorage), so two people sharing a computer never see each other's. Not an authorization:
 * the server decides what anyone may read or write.
 */
export function ViewerProvider({ id, children }: { id: string; children: React.ReactNode }) {
  return <ViewerContext.Provider value={id}>{children}</ViewerContext.Provider>;
}

/** The signed-in user's id, or null outside the signed-in pages. */
export function useViewerId(): string | null {
  return useContext(ViewerContext);
}
