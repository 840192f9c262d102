/**
 * The close-off chain, as pure rules. One level: a SASAC reviewer approves. Two levels (set per
 * programme): for a subsidiary's claim, the liaison of its parent group confirms first, then the
 * SASAC reviewer gives final approval. Progress entries always go straight to the reviewer.
 */
export type ChainStage = "confirm" | "final";

export function stageFor(entry: {
  kind: string;
  reviewState: string;
  closeOffLevels: number;
  enterpriseDepth: number;
}): ChainStage | null {
  if (entry.reviewState === "CONFIRMED") return "final";
  if (entry.reviewState !== "SUBMITTED") return null;
  const needsGroup =
    entry.kind === "COMPLETION_CLAIM" && entry.closeOffLevels >= 2 && entry.enterpriseDepth > 0;
  return needsGroup ? "confirm" : "final";
}

/** Which decisions each stage allows. */
export function decisionAllowed(
  stage: ChainStage,
  decision: "CONFIRM" | "APPROVE" | "RETURN",
): boolean {
  return stage === "confirm" ? decision !== "APPROVE" : decision !== "CONFIRM";
}
