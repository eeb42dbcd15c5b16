import { Table, THead, TBody, TR, TH, TD } from "@/components/ui/table";

const FIELDS = [
  { name: "id", description: "The event's unique id, also sent as the webhook-id header. Fetch the full event with it (Get Event).", example: "evt_4f1c2a9b…" },
  { name: "type", description: "The event type, one of the catalog below.", example: "order.created" },
  { name: "source", description: "Who published the event. The same for every event of this deployment.", example: "" },
  { name: "time", description: "When the event happened, RFC 3339 date-time in UTC.", example: "2026-01-01T14:30:02Z" },
  { name: "object", description: "Always event.", example: "event" },
  { name: "is_test", description: "true for test events sent from the console (Send Test Event); false otherwise.", example: "false" },
  { name: "data", description: "The event's details. Only in full payload mode; a thin payload leaves it out.", example: '{ "orderId": "…" }' },
];

/** The envelope every delivery carries, as Paxos documents its webhook payload. */
export function EnvelopeTable({ source }: { source: string }) {
  return (
    <Table label="Envelope fields">
      <THead>
        <TR>
          <TH>Field</TH>
          <TH>Description</TH>
          <TH>Example</TH>
        </TR>
      </THead>
      <TBody>
        {FIELDS.map((f) => (
          <TR key={f.name}>
            <TD className="font-mono">{f.name}</TD>
            <TD className="min-w-56 whitespace-normal">{f.description}</TD>
            <TD className="font-mono break-all">{f.name === "source" ? source : f.example}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
