import { listRoundsEndpoint, openRoundEndpoint } from "@/lib/rounds/api";

export const GET = listRoundsEndpoint.handler;
export const POST = openRoundEndpoint.handler;
