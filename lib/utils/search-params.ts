/** A page's `searchParams` prop as Next passes it. */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The first value of a query parameter, or undefined when it is missing or empty. */
export const firstParam = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
