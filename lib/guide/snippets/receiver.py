# A Webhook Console receiver in Python, standard library only.
# The official library does the same check: pip install standardwebhooks
#   Webhook(secret).verify(body, headers)
# Run: WEBHOOK_SECRET='whsec_…' API_KEY='…' python3 receiver.py
import base64, hashlib, hmac, json, os, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(os.environ.get("PORT", "8080"))
PATH = os.environ.get("WEBHOOK_PATH", "/webhooks")
# While a secret is rotated, both secrets sign for 24 hours: list both, space-separated.
SECRETS = os.environ.get("WEBHOOK_SECRET", "").split()
API_KEY_HEADER = os.environ.get("API_KEY_HEADER", "X-Api-Key")
API_KEY = os.environ.get("API_KEY", "")  # empty: the webhook uses OAuth, check the bearer token
TOLERANCE_SECONDS = 300
seen = set()  # in production: a unique key on webhook-id in your database


def verify_signature(msg_id, timestamp, signatures, body):
    try:
        age = abs(time.time() - int(timestamp))
    except ValueError:
        return False
    if not msg_id or age > TOLERANCE_SECONDS:  # too old (or from the future): a replay
        return False
    signed = f"{msg_id}.{timestamp}.".encode() + body
    expected = []
    for secret in SECRETS:
        key = base64.b64decode(secret.removeprefix("whsec_"))
        digest = hmac.new(key, signed, hashlib.sha256).digest()
        expected.append("v1," + base64.b64encode(digest).decode())
    return any(hmac.compare_digest(s, e) for s in signatures.split(" ") for e in expected)


def is_valid_access_token(token):
    # OAuth: check the token with your authorization server (JWT signature, issuer, audience, expiry).
    return len(token) > 0


def authenticated(headers):
    if API_KEY:
        return hmac.compare_digest(headers.get(API_KEY_HEADER, ""), API_KEY)
    token = headers.get("Authorization", "").removeprefix("Bearer ")
    return token != "" and is_valid_access_token(token)


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        h = lambda name: self.headers.get(name, "")
        if self.path != PATH:
            return self.answer(404)
        if not authenticated(self.headers):
            return self.answer(401)
        if not verify_signature(h("webhook-id"), h("webhook-timestamp"), h("webhook-signature"), body):
            return self.answer(401)
        # Answer fast (2xx within 15 s), then work: a retry re-sends the same webhook-id.
        self.answer(204)
        if h("webhook-id") in seen:
            return
        seen.add(h("webhook-id"))
        event = json.loads(body)
        print(f"verified {event['id']} {event['type']}{' (test)' if event['is_test'] else ''}", flush=True)
        # A thin payload has no "data": fetch it with Get Event,
        # GET /api/v1/orgs/{org}/events/{event['id']} with Authorization: Bearer <API key>.

    def answer(self, status):
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("", PORT), Receiver)
print(f"listening on :{PORT}{PATH}", flush=True)
server.serve_forever()
