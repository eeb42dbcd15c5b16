import { KeyRound } from "lucide-react";
import { requireActor } from "@/lib/auth/current";
import { listApiKeys } from "@/lib/server/api-keys/list-api-keys";
import { formatDateTime } from "@/lib/format/dates";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { CreateApiKeyDialog } from "@/components/api-keys/create-api-key-dialog";
import { RevokeApiKeyButton } from "@/components/api-keys/revoke-api-key-button";

export const metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const actor = await requireActor("api-keys.manage");
  const keys = await listApiKeys({ actor });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">API keys</h1>
          <p className="mt-1 max-w-2xl text-sm text-muted-foreground">
            Keys authenticate scripts and services to the REST API (<code>Authorization: Bearer &lt;key&gt;</code>) with the roles you give them. A key is shown
            once, when it is created.{" "}
            <a href="/api/v1/openapi.json" className="font-medium text-primary underline underline-offset-4">
              OpenAPI document
            </a>
          </p>
        </div>
        <CreateApiKeyDialog />
      </div>
      {keys.length === 0 ? (
        <div className="flex flex-col items-center rounded-lg border border-dashed border-border px-6 py-12 text-center">
          <KeyRound aria-hidden className="size-8 text-muted-foreground" />
          <h2 className="mt-3 font-semibold">No API keys yet</h2>
          <p className="mt-1 max-w-md text-sm text-muted-foreground">Create one to publish events or manage webhooks from your own systems or CI.</p>
        </div>
      ) : (
        <Table label="API keys">
          <THead>
            <TR>
              <TH>Name</TH>
              <TH>Roles</TH>
              <TH className="hidden md:table-cell">Key</TH>
              <TH className="hidden sm:table-cell">Created</TH>
              <TH className="hidden md:table-cell">Last used</TH>
              <TH>
                <span className="sr-only">Actions</span>
              </TH>
            </TR>
          </THead>
          <TBody>
            {keys.map((k) => (
              <TR key={k.id}>
                <TD className="max-w-64 font-medium break-words">{k.name}</TD>
                <TD>
                  <div className="flex flex-wrap gap-1">
                    {k.roles.map((r) => (
                      <Badge key={r}>{r}</Badge>
                    ))}
                  </div>
                </TD>
                <TD className="hidden md:table-cell">
                  <code className="text-muted-foreground">{k.prefix}…</code>
                </TD>
                <TD className="hidden whitespace-nowrap sm:table-cell">
                  {formatDateTime(k.createdAt)}
                  <span className="block text-xs text-muted-foreground">by {k.createdBy}</span>
                </TD>
                <TD className="hidden whitespace-nowrap md:table-cell">{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : "Never"}</TD>
                <TD className="text-right">
                  <RevokeApiKeyButton id={k.id} name={k.name} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
