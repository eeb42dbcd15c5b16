import { createApiClient } from "./index";

/**
 * The same typed client, from the browser, for live reads (polling the delivery log while something is in flight).
 * The session cookie goes along on same-origin requests; changes still go through server actions.
 */
export function browserApi(org: string) {
  return createApiClient({ baseUrl: window.location.origin, org, headers: {} });
}
