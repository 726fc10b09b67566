// The tenant allow-list (DESIGN.md): a token only says the Bot Framework channel sent the
// activity, not from which organisation. A bot registered as multi-tenant, or installed by
// a user of another tenant, gets validly signed activities from anyone; this check, run
// after the token and before the turn, serves only the organisation's own tenants.
import { ConfigError } from "../config";

/** why an activity is refused (a stable code for the log) */
export type TenantRefusal = "noTenant" | "tenantMismatch" | "tenantNotAllowed";

interface TenantFields {
  channelData?: { tenant?: { id?: unknown } } | null;
  conversation?: { tenantId?: unknown } | null;
}

const norm = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v.trim().toLowerCase() : undefined);

export class TenantGate {
  private readonly allowed: ReadonlySet<string>;

  constructor(allowedTenants: readonly string[]) {
    // with an app id and no tenant, every activity would be refused: say so at start instead
    if (allowedTenants.length === 0) {
      throw new ConfigError(
        "invalid configuration (see .env.example):\n  ALLOWED_TENANT_IDS: empty, and so is MICROSOFT_APP_TENANT_ID: name the tenant(s) whose users the bot serves",
      );
    }
    this.allowed = new Set(allowedTenants.map((t) => t.toLowerCase()));
  }

  /**
   * undefined when the activity may run a turn. Both places Teams puts the tenant are read;
   * one of them is enough, but when both are there they must agree.
   */
  refusal(activity: TenantFields): TenantRefusal | undefined {
    const fromChannelData = norm(activity.channelData?.tenant?.id);
    const fromConversation = norm(activity.conversation?.tenantId);
    const tenant = fromChannelData ?? fromConversation;
    if (!tenant) return "noTenant";
    if (fromChannelData && fromConversation && fromChannelData !== fromConversation) return "tenantMismatch";
    return this.allowed.has(tenant) ? undefined : "tenantNotAllowed";
  }
}

/** the activity's tenant as the rate limits key it (after the gate: present and allowed), or "" */
export function tenantOf(activity: TenantFields): string {
  return norm(activity.channelData?.tenant?.id) ?? norm(activity.conversation?.tenantId) ?? "";
}
