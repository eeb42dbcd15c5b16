import type { Attempt } from "@/lib/schemas/delivery";
import { formatDateTime } from "@/lib/format/dates";
import { CodeBlock } from "@/components/ui/code-block";
import { errorLabel } from "./delivery-labels";

/** One attempt: what was answered, how long it took, what failed, and the request headers as sent (credentials redacted). */
export function AttemptDetails({ attempt, showHeaders = true }: { attempt: Attempt; showHeaders?: boolean }) {
  const error = errorLabel(attempt.errorClass);
  return (
    <div className="grid min-w-0 gap-3">
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <Fact term="Status code">{attempt.responseStatus ?? "none"}</Fact>
        <Fact term="Duration">{attempt.durationMs.toLocaleString("en-US")} ms</Fact>
        <Fact term="Sent at">{formatDateTime(attempt.startedAt)}</Fact>
        <Fact term="Next attempt">{attempt.nextAttemptAt ? formatDateTime(attempt.nextAttemptAt) : "—"}</Fact>
      </dl>
      {error && (
        <p className="text-sm text-destructive">
          <span className="font-medium">{error}</span>
          {attempt.errorMessage && <span className="[overflow-wrap:anywhere]">: {attempt.errorMessage}</span>}
        </p>
      )}
      <CodeBlock caption="Response body (first 4 KiB)" value={attempt.responseBody || "(empty)"} wrap className="[&_pre]:max-h-48" />
      {showHeaders && Object.keys(attempt.requestHeaders).length > 0 && (
        <CodeBlock
          caption="Request headers (credentials redacted)"
          value={Object.entries(attempt.requestHeaders)
            .map(([k, v]) => `${k}: ${v}`)
            .join("\n")}
          wrap
          className="[&_pre]:max-h-56"
        />
      )}
    </div>
  );
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted-foreground">{term}</dt>
      <dd className="font-medium tabular-nums">{children}</dd>
    </div>
  );
}
