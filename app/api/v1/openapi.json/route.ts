// GET /api/v1/openapi.json — the OpenAPI 3.1 document, generated from lib/schemas
import { openApiDocument } from "@/lib/openapi/document";

export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(openApiDocument());
}
