/** The demo event-type catalog, spanning the domains of the products we model (Paxos, Pack, Pax8, Socotra). */
export const DEMO_EVENT_TYPES: { name: string; description: string; examplePayload: Record<string, unknown> }[] = [
  { name: "identity.approved", description: "An identity passed verification.", examplePayload: { identity_id: "idn_8f2c", status: "APPROVED" } },
  {
    name: "identity.denied",
    description: "An identity failed verification.",
    examplePayload: { identity_id: "idn_8f2c", status: "DENIED", reason: "document_expired" },
  },
  {
    name: "identity.documents_required",
    description: "More documents are needed to verify an identity.",
    examplePayload: { identity_id: "idn_8f2c", documents: ["PROOF_OF_ADDRESS"] },
  },
  {
    name: "transfer.crypto_deposit.completed",
    description: "A crypto deposit settled.",
    examplePayload: { transfer_id: "trf_51a0", asset: "USDP", amount: "250.00" },
  },
  {
    name: "transfer.crypto_withdrawal.failed",
    description: "A crypto withdrawal could not be sent.",
    examplePayload: { transfer_id: "trf_51a1", asset: "BTC", amount: "0.1", error: "insufficient_funds" },
  },
  {
    name: "transfer.fiat_deposit.completed",
    description: "A fiat deposit settled.",
    examplePayload: { transfer_id: "trf_77b2", currency: "USD", amount: "1000.00" },
  },
  { name: "orchestration.completed", description: "A multi-step orchestration finished.", examplePayload: { orchestration_id: "orc_19d4", steps: 3 } },
  { name: "orchestration.failed", description: "An orchestration stopped on an error.", examplePayload: { orchestration_id: "orc_19d4", failed_step: 2 } },
  { name: "order.created", description: "A customer placed an order.", examplePayload: { order_id: "ord_1001", total: "49.90", currency: "EUR" } },
  { name: "order.shipped", description: "An order left the warehouse.", examplePayload: { order_id: "ord_1001", carrier: "DHL", tracking: "JD0146000032" } },
  { name: "order.canceled", description: "An order was canceled.", examplePayload: { order_id: "ord_1001", reason: "customer_request" } },
  {
    name: "provision.requested",
    description: "A subscription needs provisioning.",
    examplePayload: { provision_id: "prv_3c11", product: "Microsoft 365 E3", quantity: 25 },
  },
  { name: "provision.completed", description: "Provisioning finished.", examplePayload: { provision_id: "prv_3c11", status: "COMPLETED" } },
  { name: "policy.issued", description: "An insurance policy was issued.", examplePayload: { policy_locator: "pol_9a7e", product: "homeowners" } },
  { name: "policy.cancelled", description: "An insurance policy was cancelled.", examplePayload: { policy_locator: "pol_9a7e", effective: "2026-12-01" } },
  { name: "invoice.paid", description: "An invoice was paid in full.", examplePayload: { invoice_id: "inv_2207", amount: "120.00" } },
];
