import { reviewEntryEndpoint } from "@/lib/review/api";

export const POST = reviewEntryEndpoint.handler;
