// A local Graph-compatible server for tests (issue 4 incidents, issue 5 approvals).
// Usage: const g = await startFakeGraph({ seed: ["incidents"] }); ... g.faults.inject(...); await g.stop();
export { FakeGraph, startFakeGraph, type FakeGraphOptions, type FakeList, type Item, type RequestLog } from "./server";
export { Faults, type FaultAction, type FaultMatch } from "./faults";
export { type FakeView } from "./sharepoint-rest";
export { appIdentityEnv, graphEnv, graphTestConfig, makeTestCertificate, type GraphTestConfig } from "./client";
