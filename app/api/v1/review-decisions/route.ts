import { batchDecisionEndpoint } from "@/lib/review/api";

export const POST = batchDecisionEndpoint.handler;
