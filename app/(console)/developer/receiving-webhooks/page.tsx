import Link from "next/link";
import { requireActor } from "@/lib/auth/current";
import { env } from "@/lib/env";
import { listEventTypes } from "@/lib/server/event-types/list-event-types";
import { getWebhook } from "@/lib/server/webhooks/get-webhook";
import { loadSnippets } from "@/lib/guide/snippets";
import { firstParam, type SearchParams } from "@/lib/utils/search-params";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { EnvelopeTable } from "@/components/guide/envelope-table";
import { ReceiverTabs } from "@/components/guide/receiver-tabs";
import { EventExamples } from "@/components/guide/event-examples";
import { SetupBlock } from "@/components/guide/setup-block";

export const metadata = { title: "Receiving webhooks" };

const HEADERS = `POST /your/path HTTP/1.1
content-type: application/json
webhook-id: evt_4f1c2a9b7d3e4c21
webhook-timestamp: 1767277802
webhook-signature: v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
X-Api-Key: …                     (API-key webhooks)
Authorization: Bearer eyJhbGci…  (OAuth webhooks)`;

const SIGNED = `signed    = webhook-id + "." + webhook-timestamp + "." + raw body
key       = base64-decode(secret without its "whsec_" prefix)
signature = "v1," + base64(HMAC-SHA256(key, signed))`;

function Step({ n, title, children }: { n: number; title: string; children: React.ReactNode }) {
  return (
    <li className="grid min-w-0 gap-2">
      <h3 className="font-semibold">
        {n}. {title}
      </h3>
      <div className="grid min-w-0 gap-2 text-sm leading-relaxed [&_code]:font-mono [&_code]:text-[0.8125rem]">{children}</div>
    </li>
  );
}

export default async function ReceivingWebhooksPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor("webhooks.read");
  const webhookId = firstParam((await searchParams).webhook);
  const [types, snippets, webhook] = await Promise.all([
    listEventTypes({ actor }),
    loadSnippets(),
    webhookId ? getWebhook({ actor, id: webhookId }).catch(() => null) : null,
  ]);
  const source = env().EVENT_SOURCE;

  return (
    <div className="grid min-w-0 grid-cols-1 gap-6">
      <PageHeader
        className="mb-0"
        title="Receiving webhooks"
        description="How the endpoint your webhooks call should check, answer and process each delivery, with a receiver to copy in four languages."
      />

      {webhook && (
        <Card>
          <CardHeader>
            <CardTitle>
              For <Link href={`/developer/webhooks/${webhook.id}`}>{webhook.name}</Link>
            </CardTitle>
            <CardDescription>The receivers below read these settings from the environment.</CardDescription>
          </CardHeader>
          <CardContent>
            <SetupBlock webhook={webhook} />
          </CardContent>
        </Card>
      )}

      <Card>
        <CardHeader>
          <CardTitle>What your endpoint does with each request</CardTitle>
          <CardDescription>Every delivery is a POST with a JSON body, signed per Standard Webhooks.</CardDescription>
        </CardHeader>
        <CardContent>
          <ol className="grid gap-6">
            <Step n={1} title="Verify the signature">
              <CodeBlock value={HEADERS} caption="A delivery’s headers" />
              <p>
                Compute the signature over the <em>raw</em> body (before any JSON parsing) with the webhook&apos;s signing secret, and compare it in constant
                time with each <code>v1,</code> entry of <code>webhook-signature</code>:
              </p>
              <CodeBlock value={SIGNED} />
              <p>
                Reject a <code>webhook-timestamp</code> more than 5 minutes (300 s) from your clock: it is a replay. After a secret is rotated, both the new and
                the old secret sign every delivery for 24 hours (two space-separated entries); accept a match with any secret you hold, and drop the old one
                after the switch.
              </p>
            </Step>
            <Step n={2} title="Check that the request is ours">
              <p>
                <strong>API key</strong>: the header you named (default <code>X-Api-Key</code>) carries the key you configured; compare it in constant time.{" "}
                <strong>OAuth</strong>: we fetch a token from your token URL with the client-credentials grant and send{" "}
                <code>Authorization: Bearer &lt;token&gt;</code>; validate it as your authorization server says (signature, issuer, audience, expiry). Answer
                401 when it fails: we fetch a new token and retry once.
              </p>
            </Step>
            <Step n={3} title="Answer fast, then do the work">
              <p>
                Reply with any 2xx within 15 seconds, then process in the background. Anything else is a failure and is retried (up to 8 attempts over about a
                day); redirects are not followed, <code>410 Gone</code> disables the webhook, and <code>429</code>/<code>503</code> with{" "}
                <code>Retry-After</code> are honoured.
              </p>
            </Step>
            <Step n={4} title="De-duplicate by webhook-id">
              <p>
                Delivery is at least once: a retry, a redelivery or a worker restart sends the same event again with the same <code>webhook-id</code>. Store the
                ids you have processed (a unique key) and skip repeats.
              </p>
            </Step>
            <Step n={5} title="Recognise test events">
              <p>
                Events sent with <em>Send Test Event</em> carry <code>&quot;is_test&quot;: true</code>. They are signed and authenticated like the rest; log
                them, but do not act on them as real business events.
              </p>
            </Step>
            <Step n={6} title="Fetch the full event when the payload is thin">
              <p>
                A webhook in <em>thin</em> payload mode receives the envelope without <code>data</code>. Fetch the event with Get Event:{" "}
                <code className="break-all">GET /api/v1/orgs/{actor.orgSlug}/events/&#123;id&#125;</code> with{" "}
                <code>Authorization: Bearer &lt;API key&gt;</code> (create one under <Link href="/developer/api-keys">Developer → API keys</Link>).
              </p>
            </Step>
          </ol>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>The envelope</CardTitle>
          <CardDescription>Each delivery&apos;s body.</CardDescription>
        </CardHeader>
        <CardContent>
          <EnvelopeTable source={source} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>A receiver to copy</CardTitle>
          <CardDescription>Each one verifies the signature, checks the API key or bearer token, answers 204 and skips repeats.</CardDescription>
        </CardHeader>
        <CardContent className="min-w-0">
          <ReceiverTabs snippets={snippets} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Event types</CardTitle>
          <CardDescription>What each event looks like in full payload mode.</CardDescription>
        </CardHeader>
        <CardContent>
          <EventExamples types={types} source={source} />
        </CardContent>
      </Card>
    </div>
  );
}
