// The bot's one public surface: everything Bot Framework stays inside src/bot/, so a
// move to the Microsoft 365 Agents SDK touches this folder only.
import type { Request, Response } from "restify";
import type { Config } from "../config";
import type { Logger } from "../logging";
import type { PolicyLibrary } from "../policy/types";
import { createBotAdapter } from "./adapter";
import { PolicyBot } from "./policybot";
import { ConversationPacks } from "./conversation-packs";
import { RecentAnswers } from "./recent-answers";
import { ConversationRefs } from "./notify/conversation-refs";
import { setupIncidentReporting, type IncidentWiring } from "./incidents/setup";

export interface BotEndpoint {
  /** handles POST /api/messages */
  handle(req: Request, res: Response): Promise<void>;
  /** the incident service's events (app.ts forwards them): a report filed later gets its notice */
  onIncidentEvent(e: { event: string; id?: string; reference?: string }): void;
}

export interface BotExtras {
  /** incident reporting (issue 4): the service from openIncidentStack */
  incidents?: IncidentWiring;
}

export function createBotEndpoint(
  config: Pick<Config, "authEnabled" | "bot" | "policy"> & Partial<Pick<Config, "review" | "incidents">>,
  library: PolicyLibrary,
  log: Logger,
  extras: BotExtras = {},
): BotEndpoint {
  const adapter = createBotAdapter(config, log);
  // conversations seen, for proactive notices (in memory until issue 5's state store)
  const refs = new ConversationRefs();
  const incidents = extras.incidents ? setupIncidentReporting(adapter, config, extras.incidents, refs, (id) => library.get(id).facts.organisation.name, log) : undefined;
  const bot = new PolicyBot({ library, packs: new ConversationPacks(config.policy.defaultPack), recent: new RecentAnswers(), log, review: config.review, incidents });
  return {
    async handle(req, res) {
      const started = performance.now();
      const a = (req.body ?? {}) as { type?: unknown; name?: unknown; channelId?: unknown; conversation?: { conversationType?: unknown } };
      await adapter.process(req, res, (ctx) => {
        refs.remember(ctx.activity);
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
  };
}
