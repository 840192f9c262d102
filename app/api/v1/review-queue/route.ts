import { reviewQueueEndpoint } from "@/lib/review/api";

export const GET = reviewQueueEndpoint.handler;
