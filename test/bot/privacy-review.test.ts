// Issue 3 item 5: a draft with a personnummer and a password goes through the whole bot
// (real HTTP, real src/app.ts, a temporary DATA_DIR, logs at 'trace') as a message, in a
// channel, as .txt/.docx/.pdf files served over HTTP, through the message action and back
// through restore. Afterwards no log line, no file under DATA_DIR (or ./data), no temp
// file written meanwhile, and no reply shown in a channel holds the personnummer (in any
// format) or the password. The mapping travels only inside the 1:1 card's action data.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { randomBytes } from "node:crypto";
import { ConnectorStub } from "../support/connector-stub";
import { startBot, type RunningBot } from "../support/bot-server";
import { executeInvoke, mentionMessage, message, post } from "../support/activities";
import { cardOf, visibleTexts } from "../support/cards";
import { FileServer } from "../support/file-server";
import { fetchTaskInvoke, fileMessage, messagePayload, submitActionInvoke } from "../support/review-activities";
import { makeDocx, makePdf, randomPersonnummer } from "../support/documents";
import { projectRoot } from "../../src/project-root";

const REVIEW_EVENTS = new Set(["review", "reviewRejected", "documentError", "documentRead", "restore", "questionWarning"]);
/** the only fields a review log line may carry: ids, types, counts, timings, status */
const ALLOWED_KEYS = new Set([
  "level", "time", "pid", "hostname", "app", "correlationId", "msg", "event", "via", "invoke", "fileKind", "scope", "packId", "verdict", "findings", "types",
  "chars", "cardBytes", "reviewMs", "reason", "code", "ms", "err", "bytes", "placeholders", "replaced", "empty", "status",
]);
const FINDING_TYPES = new Set(["PERSONNUMMER", "PERSON_NAME", "EMAIL", "PHONE", "ADDRESS", "BANK_ACCOUNT", "PAYMENT_CARD", "IP_ADDRESS", "CREDENTIAL", "LICENSE_PLATE", "HEALTH", "SPECIAL_CATEGORY", "SECRECY"]);

/** files under dir (recursively) changed at or after `since`, skipping what cannot be read */
function filesUnder(dir: string, since = 0, depth = 6, out: string[] = []): string[] {
  if (depth < 0) return out;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    // the session machinery's job folders are not the bot's
    if (e.name.startsWith("bash_jobs")) continue;
    try {
      if (e.isDirectory()) filesUnder(p, since, depth - 1, out);
      else if (e.isFile()) {
        const st = fs.statSync(p);
        if (st.mtimeMs >= since && st.size <= 20 * 1024 * 1024) out.push(p);
      }
    } catch {
      /* vanished or unreadable */
    }
  }
  return out;
}

/** where in the buffer a needle occurs, in UTF-8 or UTF-16 */
function holds(buf: Buffer, needle: string): boolean {
  return buf.includes(Buffer.from(needle, "utf8")) || buf.includes(Buffer.from(needle, "utf16le"));
}

/** the card's JSON without its actions' data: what the mapping must stay out of */
function withoutActionData(card: any): string {
  return JSON.stringify(card, (k, v) => (k === "data" ? undefined : v));
}

describe("privacy of draft review (whole bot)", function () {
  this.timeout(60000);
  const started = Date.now() - 1000;
  const pnr = randomPersonnummer();
  const password = `Sommar2024!xyz${randomBytes(3).toString("hex")}`;
  const d = pnr.digits12;
  const formats = [pnr.long, d, `${d.slice(2, 8)}-${d.slice(8)}`, d.slice(2), `${d.slice(2, 8)}+${d.slice(8)}`, `${d.slice(0, 8)} ${d.slice(8)}`];
  const needles = [...formats, password];
  const draft = `Hej!\nlösenordet är ${password}\nPersonnummer: ${pnr.long}\nMvh`;
  const draftShort = `Hej!\nlösenordet är ${password}\nPersonnummer: ${d.slice(2, 8)}-${d.slice(8)}\nMvh`;

  let bot: RunningBot;
  let dataDir: string;
  const connector = new ConnectorStub();
  const files = new FileServer();
  let serviceUrl: string;
  const invokeBodies: unknown[] = [];
  const CHANNEL = "19:privacy-channel@thread.tacv2";
  /** anything a library (PDF.js, botbuilder) prints to the console meanwhile */
  const consoleLines: string[] = [];
  const methods = ["log", "info", "warn", "error", "debug", "trace"] as const;
  const originals = methods.map((m) => console[m]);

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-privacy-"));
    serviceUrl = await connector.start();
    await files.start();
    bot = await startBot({ DATA_DIR: dataDir, LOG_LEVEL: "trace" });
    methods.forEach((m, i) => {
      console[m] = (...args: unknown[]) => {
        consoleLines.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a) ?? String(a))).join(" "));
        originals[i].apply(console, args);
      };
    });

    const sent = async (activity: unknown) => {
      const before = connector.received.length;
      const res = await post(bot.url, activity);
      assert.equal(res.status, 200, String(JSON.stringify(res.body)).slice(0, 200));
      if (res.body !== undefined) invokeBodies.push(res.body);
      return before;
    };
    // 1. pasted in the 1:1 chat, then restored from the card (Execute) with a Copilot answer
    let n = await sent(message(draft, { serviceUrl }));
    await connector.waitFor(n + 1);
    const card = cardOf(connector.received[n].activity);
    const action = card.actions[0];
    assert.ok(visibleTexts(card).includes("Lösenord (1)"), "the password was found");
    assert.ok(visibleTexts(card).includes("Personnummer (1)"), "the personnummer was found");
    await sent(executeInvoke(action.verb, { ...action.data, copilotAnswer: "Svar: [SECRET 1] och [PERSONNUMMER 1]" }, { serviceUrl }));
    // 2. in a channel
    n = await sent(mentionMessage(`granska: ${draft}`, { serviceUrl, conversationType: "channel", conversationId: CHANNEL }));
    await connector.waitFor(n + 1);
    n = await sent(mentionMessage(`Får jag skriva ${pnr.long} i Copilot?`, { serviceUrl, conversationType: "channel", conversationId: CHANNEL }));
    await connector.waitFor(n + 2);
    n = await sent(mentionMessage(draft, { serviceUrl, conversationType: "channel", conversationId: CHANNEL }));
    await connector.waitFor(n + 1);
    // 3. a question holding the personnummer
    n = await sent(message(`Får jag skriva ${pnr.long} i Copilot?`, { serviceUrl }));
    await connector.waitFor(n + 2);
    // 4. files: .txt, .docx, .pdf, and a broken one
    for (const [name, bytes] of [
      ["utkast.txt", Buffer.from(draftShort, "utf8")],
      ["utkast.docx", makeDocx(draft.split("\n"))],
      ["utkast.pdf", makePdf([draft.split("\n")], { compress: true })],
      ["trasig.pdf", makePdf([draft.split("\n")]).subarray(0, 300)],
    ] as const) {
      n = await sent(fileMessage(name, files.serve(name, { body: bytes }), { serviceUrl }));
      await connector.waitFor(n + 1);
    }
    // 5. the message action, and a restore in its dialog
    await sent(fetchTaskInvoke(messagePayload(draft.split("\n").map((l) => `<p>${l}</p>`).join("")), { serviceUrl, conversationType: "channel" }));
    const dialogCard = (invokeBodies[invokeBodies.length - 1] as any).task.value.card.content;
    await sent(submitActionInvoke({ ...dialogCard.actions[0].data, copilotAnswer: "[SECRET 1]" }, { serviceUrl, conversationType: "channel" }));
    await new Promise((r) => setTimeout(r, 300));
    methods.forEach((m, i) => (console[m] = originals[i]));
  });

  after(async () => {
    methods.forEach((m, i) => (console[m] = originals[i]));
    await bot?.stop();
    await connector.stop();
    await files.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("the files were really reviewed (the test exercises the paths it claims to)", () => {
    const reviews = bot.logs.entries().filter((e) => e.event === "review");
    const vias = reviews.map((e) => `${e.via}${e.fileKind ? `:${e.fileKind}` : ""}`).sort();
    assert.deepEqual(vias, ["action", "draft", "draft", "file:docx", "file:pdf", "file:txt", "prefix"]);
    for (const e of reviews) assert.equal(e.verdict, "block");
    assert.ok(bot.logs.entries().some((e) => e.event === "documentError" && e.code === "corrupt"));
    assert.equal(bot.logs.entries().filter((e) => e.event === "restore").length, 2);
  });

  it("no log line holds the personnummer (any format) or the password", () => {
    const log = bot.logs.text();
    assert.ok(log.length > 1000, "the bot logged at trace level");
    for (const needle of needles) assert.ok(!log.includes(needle), `log holds ${needle}`);
    assert.ok(!log.includes("Svar:"), "the pasted Copilot answer is not logged");
    assert.ok(!log.includes("tempauth"), "download URLs (tokens) are not logged");
    const printed = consoleLines.join("\n");
    for (const needle of needles) assert.ok(!printed.includes(needle), `the console got ${needle}`);
  });

  it("review log lines carry only ids, types, counts and timings", () => {
    const entries = bot.logs.entries().filter((e) => REVIEW_EVENTS.has(String(e.event)));
    assert.ok(entries.length >= 10, `${entries.length} review log lines`);
    for (const e of entries) {
      for (const [k, v] of Object.entries(e)) {
        assert.ok(ALLOWED_KEYS.has(k), `unexpected field ${k} in ${e.event}`);
        if (k === "types") {
          for (const [t, c] of Object.entries(v as Record<string, unknown>)) assert.ok(FINDING_TYPES.has(t) && typeof c === "number", `types.${t}`);
        } else if (typeof v === "string") {
          assert.match(v, /^[A-Za-z0-9 :._-]{0,40}$/, `${k}=${v} is not an id or enum`);
        } else {
          assert.ok(typeof v === "number" || typeof v === "boolean" || v === null, `${k} is ${typeof v}`);
        }
      }
    }
  });

  it("nothing under DATA_DIR, ./data or files written to the temp folder meanwhile holds them", () => {
    const candidates = [...filesUnder(dataDir), ...filesUnder(path.join(projectRoot(), "data")), ...filesUnder(os.tmpdir(), started, 4)];
    for (const f of candidates) {
      let buf: Buffer;
      try {
        buf = fs.readFileSync(f);
      } catch {
        continue;
      }
      for (const needle of needles) assert.ok(!holds(buf, needle), `${f} holds ${needle}`);
    }
  });

  it("what the bot posted in the channel holds neither; 1:1 cards keep the values only in the restore action's data", () => {
    let channelReplies = 0;
    for (const r of connector.received) {
      const json = JSON.stringify(r.activity);
      const channel = r.conversationId === CHANNEL;
      for (const needle of needles) {
        if (channel) assert.ok(!json.includes(needle), `reply holds ${needle}: ${json.slice(0, 200)}`);
        const card = r.activity.attachments?.[0]?.content;
        const visible = card ? withoutActionData(card) : json;
        assert.ok(!visible.includes(needle), `a reply shows ${needle} outside the action data`);
      }
      if (channel) channelReplies++;
    }
    assert.equal(channelReplies, 4, "review card, answer + warning, review card");
    // the dialog's review card, too, shows masked values only (its restore data is the user's own)
    const dialog = (invokeBodies.find((b: any) => b?.task?.value?.title) as any).task.value.card.content;
    for (const needle of needles) assert.ok(!withoutActionData(dialog).includes(needle));
    assert.ok(visibleTexts(dialog).some((t) => t === `${d.slice(0, 8)}-****`), "masked personnummer shown");
  });
});
