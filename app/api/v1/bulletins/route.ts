import { getBulletinEndpoint } from "@/lib/bulletins/api";

export const GET = getBulletinEndpoint.handler;
