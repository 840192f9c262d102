import { fileRoundEndpoint } from "@/lib/rounds/api";

export const POST = fileRoundEndpoint.handler;
