-- Secret custom headers: header name -> AES-256-GCM ciphertext (AAD webhook:<id>:header:<lower name>).
ALTER TABLE "webhooks" ADD COLUMN "secret_headers" jsonb DEFAULT '{}'::jsonb NOT NULL;
--> statement-breakpoint
-- Proposed secret header values of an update awaiting approval, sealed to the request.
ALTER TABLE "change_requests" ADD COLUMN "proposed_secret_headers_enc" text;
