"use client";

import { Controller, useFormContext, useWatch } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Callout } from "@/components/ui/alert";
import { MASK } from "@/lib/schemas/webhooks";
import { bindingReason } from "@/lib/schemas/credential-binding";
import { useRegister } from "./use-register";
import { credentialMoves, type StoredAuth, type WebhookFormValues } from "@/lib/webhook-form/form-values";

const secretProps = { autoComplete: "off", spellCheck: false, "data-1p-ignore": true } as const;

/** API key (header + key, generated or your own) or OAuth2 client credentials. Stored secrets are never shown. */
export function AuthFields({ stored, initial }: { stored: StoredAuth; initial?: Pick<WebhookFormValues, "url" | "auth"> }) {
  const { control, formState } = useFormContext<WebhookFormValues>();
  const register = useRegister();
  const type = useWatch({ control, name: "auth.type" });
  const keyMode = useWatch({ control, name: "auth.keyMode" });
  const [url, auth] = useWatch({ control, name: ["url", "auth"] });
  const errors = formState.errors.auth;
  // The stored credential is bound to its destination: a new URL origin, token URL origin or header name needs a new one.
  const moves = initial ? credentialMoves({ url, auth }, initial, stored) : [];
  const moved = moves.length > 0;
  const keepsKey = stored === "api_key" && !moved;
  const keepsSecret = stored === "oauth2" && !moved;
  // A new API-key auth may have its key generated (shown once); an existing one keeps its key unless a new one is typed,
  // or, once its destination moved, needs a new one: generated or entered.
  const canGenerate = stored !== "api_key" || moved;

  return (
    <div className="grid gap-5">
      <Controller
        control={control}
        name="auth.type"
        render={({ field }) => (
          <Field label="Auth type" group description="How each delivery proves it comes from us to your endpoint.">
            <RadioGroup value={field.value} onValueChange={field.onChange} className="sm:grid-cols-2">
              <RadioGroupItem value="api_key" label="API Key" description="A key sent in a header you name." />
              <RadioGroupItem value="oauth2" label="OAuth" description="A bearer token from your OAuth2 server (client credentials)." />
            </RadioGroup>
          </Field>
        )}
      />

      {moved && (
        <Callout
          variant="warning"
          role="status"
          title={type === "api_key" ? "Enter or generate a new API key" : "Enter the client secret again"}
          data-testid="credential-moved"
        >
          <p>
            {bindingReason(moves)}{" "}
            {type === "api_key"
              ? "The stored key stays behind: generate a new key or enter the one the new destination expects."
              : "The stored secret stays behind: enter it again to send it to the new destination."}
          </p>
        </Callout>
      )}

      {type === "api_key" ? (
        <div className="grid gap-5 rounded-lg border bg-muted/40 p-4">
          <Field label="Header name" required error={errors?.header?.message} description="Sent with every delivery, e.g. X-Api-Key: <key>.">
            <Input {...register("auth.header")} autoComplete="off" spellCheck={false} />
          </Field>
          {canGenerate && (
            <Controller
              control={control}
              name="auth.keyMode"
              render={({ field }) => (
                <Field label="API key" group>
                  <RadioGroup value={field.value} onValueChange={field.onChange}>
                    <RadioGroupItem
                      value="generate"
                      label="Generate one for me"
                      description={`A strong random key, shown once after you ${stored ? "save" : "create the webhook"}.`}
                    />
                    <RadioGroupItem value="own" label="Enter my own" description="Use a key your endpoint already expects." />
                  </RadioGroup>
                </Field>
              )}
            />
          )}
          {(!canGenerate || keyMode === "own") && (
            <Field
              label={canGenerate ? "Your key" : "API key"}
              required={!keepsKey}
              error={errors?.key?.message}
              description={keepsKey ? "Leave it empty (*****) to keep the current key, or type a new one." : "8 to 512 printable characters."}
            >
              <Input {...register("auth.key")} type="password" placeholder={keepsKey ? MASK : undefined} {...secretProps} />
            </Field>
          )}
        </div>
      ) : (
        <div className="grid gap-5 rounded-lg border bg-muted/40 p-4">
          <Field label="Token URL" required error={errors?.tokenUrl?.message} description="Where we request tokens with grant_type=client_credentials.">
            <Input
              {...register("auth.tokenUrl")}
              type="url"
              inputMode="url"
              placeholder="https://auth.example.com/oauth/token"
              autoComplete="off"
              spellCheck={false}
            />
          </Field>
          <div className="grid gap-5 sm:grid-cols-2">
            <Field label="Client ID" required error={errors?.clientId?.message}>
              <Input {...register("auth.clientId")} autoComplete="off" spellCheck={false} />
            </Field>
            <Field
              label="Client secret"
              required={!keepsSecret}
              error={errors?.clientSecret?.message}
              description={
                keepsSecret ? "Leave it empty (*****) to keep the current secret." : moved ? "Required: the token URL or URL moved to a new origin." : undefined
              }
            >
              <Input {...register("auth.clientSecret")} type="password" placeholder={keepsSecret ? MASK : undefined} {...secretProps} />
            </Field>
            <Field label="Scope" error={errors?.scope?.message} description="Optional.">
              <Input {...register("auth.scope")} autoComplete="off" spellCheck={false} />
            </Field>
            <Field label="Audience" error={errors?.audience?.message} description="Optional.">
              <Input {...register("auth.audience")} autoComplete="off" spellCheck={false} />
            </Field>
          </div>
        </div>
      )}
    </div>
  );
}
