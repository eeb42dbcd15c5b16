import { describe, expect, it } from "vitest";
import { openApiDocument } from "./document";

type Operation = {
  requestBody?: { content: Record<string, { schema: { $ref: string } }> };
  parameters?: { in: string; name: string }[];
  responses: Record<string, unknown>;
};

describe("OpenAPI document", () => {
  const doc = openApiDocument();

  it("is OpenAPI 3.1 with JSON Schema 2020-12 bodies", () => {
    expect(doc.openapi).toBe("3.1.0");
    const create = (doc.paths as Record<string, Record<string, Operation>>)["/api/v1/orgs/{org}/api-keys"].post;
    expect(doc.jsonSchemaDialect).toContain("2020-12");
    expect(create.requestBody?.content["application/json"].schema.$ref).toBe("#/components/schemas/CreateApiKey");
    expect((doc.components.schemas as Record<string, { required?: string[] }>).CreateApiKey.required).toEqual(["name", "roles"]);
  });

  it("resolves every $ref", () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) expect(doc.components.schemas).toHaveProperty(r);
  });

  it("declares every path parameter it uses, and problem responses", () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const op of Object.values(ops as Record<string, Operation>)) {
        const declared = (op.parameters ?? []).filter((p: { in: string }) => p.in === "path").map((p: { name: string }) => p.name);
        expect(declared.sort()).toEqual([...names].sort());
        if (path.includes("/orgs/")) expect(op.responses["403"]).toBeDefined();
      }
    }
  });
});
