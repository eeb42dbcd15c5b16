// oidc-provider ships no types; just the surface lib/testing/oauth-server.ts uses.
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  type ProviderContext = {
    method: string;
    path: string;
    status: number;
    body: unknown;
    get(header: string): string;
    oidc?: { body?: Record<string, unknown> };
  };

  export default class Provider {
    constructor(issuer: string, configuration?: Record<string, unknown>);
    use(middleware: (ctx: ProviderContext, next: () => Promise<void>) => unknown): void;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }
}
