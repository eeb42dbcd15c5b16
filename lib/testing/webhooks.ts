/** A valid create body for tests; override what the test is about. */
export const webhookBody = (overrides: Record<string, unknown> = {}) => ({
  name: `hook-${Math.random().toString(36).slice(2, 10)}`,
  url: "https://receiver.example.com/webhooks",
  auth: { type: "api_key" },
  eventTypes: ["order.created"],
  ...overrides,
});
