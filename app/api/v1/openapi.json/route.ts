import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/api/openapi";

// Public: the document describes the contract, not data.
export function GET() {
  return NextResponse.json(openApiDocument());
}
