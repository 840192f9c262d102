import { roundStatusEndpoint } from "@/lib/rounds/api";

export const GET = roundStatusEndpoint.handler;
