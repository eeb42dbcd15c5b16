export * from "./orgs";
export * from "./webhooks";
export * from "./delivery";
export * from "./approvals";
export * from "./alerts";
