// Who may see the admin dashboard: holders of the configured app role (the token's roles
// claim), or members of the configured Entra group, asked of Graph as the user through the
// on-behalf-of flow (msal-node): POST /me/checkMemberGroups with the user's delegated token
// (GroupMember.Read.All). The answer is cached per user for a few minutes (bounded).
import { ConfidentialClientApplication } from "@azure/msal-node";
import { msalConfig, type GraphCredentials } from "../m365/token";
import { BoundedMap } from "../util/bounded-map";
import type { SsoUser } from "./sso-token";

export interface AdminPolicy {
  appRole: string;
  groupId: string;
}

export interface AdminCheck {
  isAdmin(user: SsoUser): Promise<boolean>;
}

/** a Graph call as the user failed: the dashboard answers 503, not 403 (it may be transient) */
export class AdminCheckError extends Error {
  constructor(readonly code: string) {
    super(`admin check failed: ${code}`);
    this.name = "AdminCheckError";
  }
}

const CACHE_MS = 5 * 60_000;
/** Graph's resource id in the scope, whatever host serves Graph (sovereign clouds, tests) */
const GROUP_SCOPE = "https://graph.microsoft.com/GroupMember.Read.All";

export function createAdminCheck(policy: AdminPolicy, graph: { credentials: () => GraphCredentials; baseUrl: string; timeoutMs: number }): AdminCheck {
  const cache = new BoundedMap<string, boolean>({ max: 5000, ttlMs: CACHE_MS });
  let obo: ConfidentialClientApplication | undefined;
  const onBehalfOf = async (userToken: string): Promise<string> => {
    // the credentials are read when first needed: a bot without a Graph secret still serves the tab
    try {
      obo ??= new ConfidentialClientApplication(msalConfig(graph.credentials()));
    } catch {
      throw new AdminCheckError("obo_no_credentials");
    }
    const r = await obo.acquireTokenOnBehalfOf({ oboAssertion: userToken, scopes: [GROUP_SCOPE] }).catch((e: unknown) => {
      throw new AdminCheckError(`obo_${(e as { errorCode?: string }).errorCode ?? "failed"}`);
    });
    if (!r?.accessToken) throw new AdminCheckError("obo_no_token");
    return r.accessToken;
  };
  return {
    async isAdmin(user) {
      if (policy.appRole && user.roles.includes(policy.appRole)) return true;
      if (!policy.groupId) return false;
      const cached = cache.get(user.oid);
      if (cached !== undefined) return cached;
      const token = await onBehalfOf(user.token);
      const res = await fetch(`${graph.baseUrl}/v1.0/me/checkMemberGroups`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ groupIds: [policy.groupId] }),
        signal: AbortSignal.timeout(graph.timeoutMs),
      }).catch(() => {
        throw new AdminCheckError("graph_unreachable");
      });
      if (!res.ok) throw new AdminCheckError(`graph_${res.status}`);
      const body = (await res.json().catch(() => ({}))) as { value?: unknown };
      const member = Array.isArray(body.value) && body.value.some((g) => typeof g === "string" && g.toLowerCase() === policy.groupId);
      cache.set(user.oid, member);
      return member;
    },
  };
}
