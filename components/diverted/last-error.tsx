const CLASS_LABELS: Record<string, string> = {
  timeout: "Timed out",
  dns: "DNS lookup failed",
  connect: "Connection failed",
  tls: "TLS error",
  blocked_address: "Blocked address",
  auth_token: "OAuth token error",
  http_status: "HTTP error",
};

/** The last answer of the receiver: "HTTP 500", or the class of error when there was no answer. */
export function LastError({ statusCode, errorClass }: { statusCode: number | null; errorClass: string | null }) {
  if (statusCode !== null) return <span className="font-mono text-xs">HTTP {statusCode}</span>;
  if (errorClass) return <span className="text-sm">{CLASS_LABELS[errorClass] ?? errorClass}</span>;
  return <span className="text-muted-foreground">—</span>;
}
