import { requester, type ClientOptions } from "./http";
import { apiKeysClient, auditLogClient, membersClient } from "./foundation";
import { eventTypesClient, webhooksClient } from "./webhooks";
import { deliveriesClient, divertedClient, eventsClient } from "./delivery";
import { changeRequestsClient, settingsClient } from "./approvals";
import { alertsClient, recoveryClient } from "./alerts";

export { ApiError } from "./http";

/** The typed client of /api/v1. Server actions use it with the signed-in user's identity forwarded. */
export function createApiClient(options: ClientOptions) {
  const request = requester(options);
  return {
    apiKeys: apiKeysClient(request),
    members: membersClient(request),
    auditLog: auditLogClient(request),
    webhooks: webhooksClient(request),
    eventTypes: eventTypesClient(request),
    events: eventsClient(request),
    deliveries: deliveriesClient(request),
    diverted: divertedClient(request),
    settings: settingsClient(request),
    changeRequests: changeRequestsClient(request),
    alerts: alertsClient(request),
    recovery: recoveryClient(request),
  };
}
export type ApiClient = ReturnType<typeof createApiClient>;
