export const eventHref = (id: string) => `/developer/events/${encodeURIComponent(id)}`;
