"use client";

import { useQuery } from "@tanstack/react-query";
import { browserApi } from "@/lib/api-client/browser";

/** One delivery with its attempts, polled while the engine works on it: fast until the first answer, slower while retries are scheduled. */
export function useDelivery(org: string, id: string | null) {
  return useQuery({
    queryKey: ["delivery", org, id],
    enabled: Boolean(id),
    queryFn: () => browserApi(org).deliveries.get(id!),
    refetchInterval: (q) => {
      const status = q.state.data?.status;
      if (!status || status === "pending" || status === "sending") return 400;
      return status === "failed" ? 5000 : false;
    },
  });
}
