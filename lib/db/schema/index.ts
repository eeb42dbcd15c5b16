export * from "./orgs";
export * from "./webhooks";
export * from "./delivery";
export * from "./approvals";
export * from "./rollups";
export * from "./workers";
export * from "./invites";
export * from "./install";
