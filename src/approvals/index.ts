// The approvals capability: model, rules, validation, service, ports. No Graph, HTTP or Bot Framework here.
export * from "./model";
export * from "./catalog";
export * from "./rules";
export * from "./validation";
export * from "./tokens";
export * from "./store";
export * from "./journal";
export * from "./service";
