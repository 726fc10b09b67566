// The bot's one public surface: everything Bot Framework stays inside src/bot/, so a
// move to the Microsoft 365 Agents SDK touches this folder only.
import type { TurnContext } from "botbuilder";
import type { Request, Response } from "restify";
import type { Config } from "../config";
import type { Logger } from "../logging";
import type { PolicyLibrary } from "../policy/types";
import { createBotAdapter } from "./adapter";
import { PolicyBot } from "./policybot";
import { ConversationPacks, type SettingsStore } from "./conversation-packs";
import { RecentAnswers } from "./recent-answers";
import { UserLanguages } from "./language";
import { ConversationRefs, type PersonalRefStore } from "./notify/conversation-refs";
import { setupIncidentReporting, type IncidentWiring } from "./incidents/setup";
import { setupApprovals, type ApprovalSetup, type ApprovalWiring } from "./approvals/setup";
import type { BotDeps } from "./deps";
import type { DeliveryRunner } from "../notify/delivery-outbox";
import { refuseMalformedActivity } from "./activity-shape";
import { RateLimits, rateLimitGate } from "./rate-limit";

/** replies the connector never took, counted since start (for /healthz) */
export { undeliveredReplies } from "./adapter";

export interface BotEndpoint {
  /** handles POST /api/messages */
  handle(req: Request, res: Response): Promise<void>;
  /** the incident service's events (app.ts forwards them): a report filed later gets its notice */
  onIncidentEvent(e: { event: string; id?: string; reference?: string }): void;
  /** resolves once the approvals wiring (opened asynchronously) is in place */
  ready(): Promise<void>;
  /** one pass of the approval reminder timer (tests and admins); the number of actions handled */
  runApprovalReminders(): Promise<number>;
  /** stops the reminder timer */
  close(): void;
}

export interface BotExtras {
  /** incident reporting (issue 4): the service from openIncidentStack */
  incidents?: IncidentWiring;
  /** AI tool requests (issue 5): the approval stack, opened asynchronously by app.ts */
  approvals?: Promise<ApprovalWiring>;
  /** the durable outbox for incident notices and approval cards; started once the handlers are in place */
  deliveries?: DeliveryRunner;
  /** conversation references and settings (pack, languages) shared by instances (src/state/conversations.ts); default: the approvals wiring's, for references only */
  conversations?: PersonalRefStore & SettingsStore;
  /** a deep link to a section of the tab's policy browser, for answer cards (src/tab/deep-link.ts) */
  sectionLink?: (packId: string, section: string) => string;
}

export function createBotEndpoint(
  config: Pick<Config, "authEnabled" | "bot" | "policy"> & Partial<Pick<Config, "review" | "incidents" | "approvals" | "images">>,
  library: PolicyLibrary,
  log: Logger,
  extras: BotExtras = {},
): BotEndpoint {
  const adapter = createBotAdapter(config, log);
  // identities are only known from a validated token: the local demo (one user, loopback) is not limited
  const limits = new RateLimits(config.bot.rateLimits);
  const admit = config.authEnabled && limits.enabled ? rateLimitGate(limits, log) : undefined;
  // conversations seen, for proactive notices; users' 1:1 chats persist in the state store when approvals are wired
  const wiring = extras.approvals;
  const refs = new ConversationRefs(
    extras.conversations ??
      (wiring && {
        savePersonal: async (oid, ref) => (await wiring).conversations.savePersonal(oid, ref),
        personal: async (oid) => (await wiring).conversations.personal(oid),
      }),
    10_000,
    (e) => log.warn({ event: "conversationRef", err: e instanceof Error ? e.name : "error" }, "conversation reference not saved"),
  );
  const settingsStore = extras.conversations;
  const packs = new ConversationPacks(config.policy.defaultPack, undefined, settingsStore);
  const languages = new UserLanguages(undefined, settingsStore, (e) =>
    log.warn({ event: "languageChoice", err: e instanceof Error ? e.name : "error" }, "language choice not saved"),
  );
  /** the conversation's settings, once per turn; a store that cannot be read leaves what this instance saw last */
  const loadSettings = async (ctx: TurnContext): Promise<void> => {
    const id = ctx.activity.conversation?.id;
    if (!settingsStore || !id) return;
    try {
      const s = await settingsStore.settings(id);
      packs.use(id, s);
      languages.use(ctx, s);
    } catch (e) {
      log.warn({ event: "conversationSettings", err: e instanceof Error ? e.name : "error" }, "conversation settings not read: the last ones seen are used");
    }
  };
  const deliveries = extras.deliveries;
  const incidents = extras.incidents ? setupIncidentReporting(adapter, config, extras.incidents, refs, (id) => library.get(id).facts.organisation.name, log, deliveries) : undefined;
  const deps: BotDeps = { library, packs, recent: new RecentAnswers(), languages, log, review: config.review, images: config.images, incidents, sectionLink: extras.sectionLink };
  const bot = new PolicyBot(deps);
  let closed = false;
  const approvals: Promise<ApprovalSetup | undefined> = wiring
    ? wiring.then(async (w) => {
        const s = setupApprovals(adapter, config, w, refs, library, deps.packs, log, deliveries);
        deps.approvals = s.flow;
        const recovered = await s.flow.recoverUndelivered().catch((e: unknown) => {
          log.warn({ event: "delivery", step: "recover", err: e instanceof Error ? e.name : "error" }, "undelivered approval cards not checked");
          return 0;
        });
        if (recovered > 0) log.warn({ event: "delivery", step: "recover", count: recovered }, "approval cards never delivered are queued");
        if (!closed) s.timer.start();
        return s;
      })
    : Promise.resolve(undefined);
  // a failure to open is reported by ready() (app.listen); activities are answered without approvals
  approvals.catch(() => undefined);
  // what a crash left in the outbox goes out once every handler is registered
  void approvals.catch(() => undefined).then(() => !closed && deliveries?.start());
  return {
    async handle(req, res) {
      // a malformed activity never reaches the adapter or a handler: 400 naming the field (./activity-shape)
      if (refuseMalformedActivity(req.body, res, log)) return;
      const started = performance.now();
      const a = (req.body ?? {}) as { type?: unknown; name?: unknown; channelId?: unknown; conversation?: { conversationType?: unknown } };
      await approvals.catch(() => undefined);
      await adapter.process(req, res, async (ctx) => {
        if (admit && !(await admit(ctx))) return;
        await Promise.all([refs.remember(ctx.activity), loadSettings(ctx)]);
        return bot.run(ctx);
      });
      log.info(
        {
          event: "activity",
          activityType: typeof a.type === "string" ? a.type : undefined,
          invokeName: typeof a.name === "string" ? a.name.slice(0, 64) : undefined,
          channelId: typeof a.channelId === "string" ? a.channelId : undefined,
          conversationType: typeof a.conversation?.conversationType === "string" ? a.conversation.conversationType : undefined,
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
        },
        "activity processed",
      );
    },
    onIncidentEvent: (e) => incidents?.onServiceEvent(e),
    ready: async () => void (await approvals),
    runApprovalReminders: async () => ((await approvals)?.timer.runOnce() ?? 0),
    close: () => {
      closed = true;
      deliveries?.stop();
      void approvals.then((s) => s?.timer.stop()).catch(() => undefined);
    },
  };
}
