import { errorLabel } from "@/components/deliveries/delivery-labels";

/** The last answer of the receiver: "HTTP 500", or the class of error when there was no answer. */
export function LastError({ statusCode, errorClass }: { statusCode: number | null; errorClass: string | null }) {
  if (statusCode !== null) return <span className="font-mono text-xs">HTTP {statusCode}</span>;
  if (errorClass) return <span className="text-sm">{errorLabel(errorClass, "short")}</span>;
  return <span className="text-muted-foreground">—</span>;
}
