import { getBulletinJobEndpoint } from "@/lib/bulletins/api";

export const GET = getBulletinJobEndpoint.handler;
