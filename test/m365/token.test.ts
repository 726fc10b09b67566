// msal-node against the fake Entra endpoint: secret and certificate credentials, the
// token cached after the first call, wrong credentials refused.
import assert from "node:assert/strict";
import { ManualClock } from "../../src/incidents/clock";
import { IncidentStoreError } from "../../src/incidents/store";
import { createGraphClient } from "../../src/m365/graph-client";
import { SharePointIncidentStore } from "../../src/m365/incident-store.sharepoint";
import { loadListSchema } from "../../src/m365/list-schema";
import { SharePointList } from "../../src/m365/sharepoint-list";
import { createTokenProvider, msalConfig } from "../../src/m365/token";
import { graphTestConfig, makeTestCertificate, startFakeGraph, type FakeGraph } from "../support/graph-server";
import { graphRig, sampleIncident } from "./helpers";

describe("Graph tokens (msal-node client credentials)", function () {
  this.timeout(30_000);
  let g: FakeGraph | undefined;
  afterEach(async () => g && (await g.stop()));

  it("client secret: one token request, then the cache", async () => {
    g = await startFakeGraph();
    const tokens = createTokenProvider(graphTestConfig(g).credentials);
    const a = await tokens.getToken();
    const b = await tokens.getToken();
    assert.equal(a, b);
    assert.equal(g.tokenRequests, 1);
  });

  it("certificate: the fake verifies the signed client assertion, and the store files with it", async () => {
    const pem = makeTestCertificate();
    const rig = await graphRig({ clientCertificatePem: pem, certificatePem: pem });
    g = rig.graph;
    const s = await rig.store.file(sampleIncident());
    assert.ok(s.link);
    assert.equal(g.tokenRequests, 1);
    assert.ok(msalConfig(graphTestConfig(g, pem).credentials).auth.clientCertificate?.thumbprintSha256?.match(/^[0-9A-F]{64}$/));
  });

  it("a certificate the app is not registered with is refused", async () => {
    g = await startFakeGraph({ clientCertificatePem: makeTestCertificate() });
    const tokens = createTokenProvider(graphTestConfig(g, makeTestCertificate()).credentials);
    await assert.rejects(tokens.getToken(), /AADSTS700027|invalid_client/);
  });

  it("a wrong secret is refused; filing fails as a token error that wrote nothing (not ambiguous)", async () => {
    g = await startFakeGraph({ seed: ["incidents"] });
    const cfg = graphTestConfig(g);
    const tokens = createTokenProvider({ ...cfg.credentials, clientSecret: "wrong" });
    await assert.rejects(tokens.getToken(), /AADSTS7000215/);
    const store = new SharePointIncidentStore(new SharePointList(createGraphClient({ baseUrl: cfg.baseUrl, tokens, clock: new ManualClock() }), loadListSchema("incidents"), { site: cfg.site }));
    await assert.rejects(store.file(sampleIncident()), (e: unknown) => e instanceof IncidentStoreError && e.code === "TokenError" && !e.ambiguous && /AADSTS7000215/.test(e.message));
    assert.equal(g.graphCalls(), 0);
  });

  it("needs a secret or a certificate", () => {
    assert.throws(() => msalConfig({ tenantId: "t", clientId: "c", authorityHost: "https://login.microsoftonline.com" }), /secret or a certificate/);
  });
});
