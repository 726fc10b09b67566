// The incidents capability: model, validation, service, ports. No Graph, HTTP or Bot Framework here.
export * from "./model";
export * from "./clock";
export * from "./reference";
export * from "./validation";
export * from "./form-token";
export * from "./store";
export * from "./outbox";
export * from "./service";
