import { CodeBlock } from "@/components/ui/code-block";

type Target = { name: string; url: string; auth: { type: "api_key"; header: string } | { type: "oauth2"; tokenUrl: string } };

/** The receivers' settings for one webhook: its path and auth filled in, the secrets left as placeholders (they are shown only once). */
export function SetupBlock({ webhook }: { webhook: Target }) {
  const path = new URL(webhook.url).pathname;
  const lines = [
    `# Receiver settings for “${webhook.name}” (${webhook.url})`,
    "export PORT=8080",
    `export WEBHOOK_PATH='${path}'`,
    "# The signing secret shown once when the webhook was created or its secret rotated.",
    "# During a rotation list both, space-separated: 'whsec_new… whsec_old…'",
    "export WEBHOOK_SECRET='whsec_…'",
    ...(webhook.auth.type === "api_key"
      ? [`export API_KEY_HEADER='${webhook.auth.header}'`, "export API_KEY='…'   # the key this webhook sends"]
      : [`# OAuth: requests carry Authorization: Bearer <token> issued by ${webhook.auth.tokenUrl}`, "export API_KEY=''"]),
  ];
  return <CodeBlock value={lines.join("\n")} caption={`Settings for ${webhook.name}`} label="receiver settings" />;
}
