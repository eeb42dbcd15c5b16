import { z } from "zod";
import { problemSchema } from "@/lib/schemas/common";
import type { Operation } from "./types";
import { foundationOperations } from "./foundation";
import { signInOperations } from "./sign-in";
import { webhookOperations } from "./webhooks";
import { deliveryOperations } from "./delivery";
import { approvalOperations } from "./approvals";

const operations: Operation[] = [...foundationOperations, ...webhookOperations, ...deliveryOperations, ...approvalOperations, ...signInOperations];

const components: Record<string, unknown> = {};

/** JSON Schema 2020-12 for a zod schema; named schemas (.meta({ id })) are hoisted into components. */
function jsonSchema(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  const { $schema: _, $defs, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Record<string, unknown>;
  const renames: Record<string, string> = {};
  for (const [id, def] of Object.entries(($defs ?? {}) as Record<string, unknown>)) {
    const name = components[id] === undefined || JSON.stringify(components[id]) === JSON.stringify(def) ? id : `${id}Input`;
    components[name] = def;
    renames[id] = name;
  }
  return JSON.parse(JSON.stringify(rest).replace(/"#\/\$defs\/([^"]+)"/g, (_m, id: string) => `"#/components/schemas/${renames[id] ?? id}"`)) as Record<
    string,
    unknown
  >;
}

function queryParameters(query: z.ZodObject) {
  const schema = jsonSchema(query, "input") as { properties?: Record<string, object> };
  return Object.entries(schema.properties ?? {}).map(([name, s]) => ({ name, in: "query", required: false, schema: s }));
}

function pathParameters(path: string) {
  return ["org", ...[...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])].map((name) => ({ name, in: "path", required: true, schema: { type: "string" } }));
}

const problem = { "application/problem+json": { schema: jsonSchema(problemSchema, "output") } };

/** OpenAPI 3.1 (JSON Schema 2020-12) generated from the zod schemas the routes use. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const full = `/api/v1/orgs/{org}${op.path}`;
    paths[full] ??= {};
    paths[full][op.method] = {
      summary: op.summary,
      tags: [op.tag],
      description: `Requires the \`${op.permission}\` permission.`,
      parameters: [...pathParameters(op.path), ...(op.query ? queryParameters(op.query) : [])],
      ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body, "input") } } } } : {}),
      responses: {
        ...Object.fromEntries(
          Object.entries(op.responses).map(([status, r]) => [
            status,
            { description: r.description, ...(r.schema ? { content: { "application/json": { schema: jsonSchema(r.schema, "output") } } } : {}) },
          ]),
        ),
        ...Object.fromEntries([400, 401, 403, 404, 409, 422].map((s) => [s, { description: "Problem", content: problem }])),
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Webhook Console API", version: "1.0.0", description: "Manage outgoing webhooks, publish events, review changes." },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }, { session: [] }],
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    components: {
      schemas: components,
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API key created under Developer → API keys" },
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
      },
    },
    paths: {
      "/api/v1/health": { get: { summary: "Health", tags: ["System"], security: [], responses: { 200: { description: "OK" } } } },
      ...paths,
    },
  };
}
