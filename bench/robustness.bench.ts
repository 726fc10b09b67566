// Hostile input against the real server (issue 10): how long the event loop stalls and how much
// memory one request takes, for (a) a 256 KB chat message of spaces, (b) a .docx holding the
// same spaces, downloaded from a local file server, and (c) a gzip bomb (~200 KB of gzip that
// expands to ~200 MB of JSON). Targets: the longest event-loop delay <= 50 ms and the peak RSS
// <= +50 MB. The server runs in its own process (bench/robustness-server.ts) and measures
// itself; the connector stub and the file server run here.
// Before the fix, in the same run: (a) and (b) time the old code path (the regexes as they were,
// test/support/regex-references.ts) here on 16K, 32K and 64K characters of the same shape and
// extrapolate with the fitted exponent (the full size would block for minutes); (c) sends the
// same bomb to a plain restify 11 server with bodyParser({ maxBodySize: 256 KB }).
// Run: npm run bench (all benches) or `npm run build && node -e "require('./dist/bench/robustness.bench').run().then(r => console.log(JSON.stringify(r, null, 2)))"`.
import { fork, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import * as http from "node:http";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { ConnectorStub } from "../test/support/connector-stub";
import { FileServer } from "../test/support/file-server";
import { message, post } from "../test/support/activities";
import { fileMessage } from "../test/support/review-activities";
import { makeDocx } from "../test/support/documents";
import { before } from "../test/support/regex-references";
import type { BenchMessage, ServerMessage } from "./robustness-server";

const TARGET = { maxEventLoopDelayMs: 50, peakRssIncreaseMb: 50 };
/** the server's body limit: the chat message fills it */
const BODY_LIMIT = 256 * 1024;
/** no step may take longer: a stalled server is reported, not waited for */
const STEP_TIMEOUT_MS = 60_000;

type Read = Extract<ServerMessage, { read: unknown }>["read"];

/** the server in a child process, driven over IPC */
class ServerProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(mode: "bot" | "plain-restify"): Promise<ServerProcess> {
    const child = fork(path.join(__dirname, "robustness-server.js"), [mode], {
      execArgv: ["--expose-gc", "--no-deprecation"],
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    try {
      const m = await next(child, (x): x is { ready: string } => "ready" in x);
      return new ServerProcess(child, m.ready);
    } catch (e) {
      child.kill("SIGKILL");
      throw e;
    }
  }

  async mark(): Promise<void> {
    this.child.send({ cmd: "mark" } satisfies BenchMessage);
    await next(this.child, (x): x is { marked: true } => "marked" in x);
  }

  async read(): Promise<Read> {
    this.child.send({ cmd: "read" } satisfies BenchMessage);
    return (await next(this.child, (x): x is { read: Read } => "read" in x)).read;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    this.child.send({ cmd: "stop" } satisfies BenchMessage);
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

/** the child's next message of one kind; rejects when it exits or takes too long */
function next<T extends ServerMessage>(child: ChildProcess, is: (m: ServerMessage) => m is T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    const onMessage = (m: ServerMessage) => {
      if (!is(m)) return;
      done();
      resolve(m);
    };
    const onExit = (code: number | null, signal: string | null) => {
      done();
      reject(new Error(`server process exited (${code ?? signal})`));
    };
    const timer = setTimeout(() => {
      done();
      child.kill("SIGKILL");
      reject(new Error("server process did not answer in time"));
    }, STEP_TIMEOUT_MS);
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function verdict<T extends Read>(r: T) {
  return { ...r, met: r.maxEventLoopDelayMs <= TARGET.maxEventLoopDelayMs && r.peakRssIncreaseMb <= TARGET.peakRssIncreaseMb };
}

/**
 * the old code path timed on growing inputs of the same shape (the best of two, but once at the
 * largest), and its time at the full size from the exponent fitted to all three (least squares on
 * log-log): that long the event loop would have been blocked
 */
function extrapolate(run: (chars: number) => void, fullChars: number) {
  const sizes = [16_384, 32_768, 65_536];
  run(4096); // warm-up
  const time = (n: number) => {
    const t = performance.now();
    run(n);
    return performance.now() - t;
  };
  const ms = sizes.map((n, i) => (i < sizes.length - 1 ? Math.min(time(n), time(n)) : time(n)));
  const xs = sizes.map(Math.log);
  const ys = ms.map(Math.log);
  const mx = xs.reduce((a, b) => a + b) / xs.length;
  const my = ys.reduce((a, b) => a + b) / ys.length;
  const exponent = xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  return {
    maxEventLoopDelayMs: Math.round(ms[2] * (fullChars / sizes[2]) ** exponent),
    how: `old code path timed here at ${sizes.join(", ")} characters (${ms.map((x) => `${Math.round(x)} ms`).join(", ")}), extrapolated as n^${round(exponent, 2)}`,
  };
}

/** "a", spaces, "b": a word at each end so that the text is read (only spaces is an empty message) */
const spaced = (chars: number) => `a${" ".repeat(Math.max(0, chars - 2))}b`;

/** a chat activity whose JSON body is just under the server's limit */
function fullMessage(serviceUrl: string): { activity: ReturnType<typeof message>; bytes: number } {
  const envelope = Buffer.byteLength(JSON.stringify(message("", { serviceUrl })));
  const activity = message(spaced(BODY_LIMIT - envelope - 64), { serviceUrl });
  return { activity, bytes: Buffer.byteLength(JSON.stringify(activity)) };
}

/** a JSON activity of `jsonBytes` (mostly spaces in its text), gzipped at level 9 */
async function gzipBomb(jsonBytes: number): Promise<Buffer> {
  const head = Buffer.from('{"type":"message","channelId":"msteams","text":"');
  const tail = Buffer.from('"}');
  const gz = zlib.createGzip({ level: 9 });
  const out: Buffer[] = [];
  gz.on("data", (c: Buffer) => out.push(c));
  const ended = new Promise<void>((resolve, reject) => gz.on("end", resolve).on("error", reject));
  const chunk = Buffer.alloc(1024 * 1024, " ");
  gz.write(head);
  for (let left = jsonBytes - head.length - tail.length; left > 0; left -= chunk.length) {
    if (!gz.write(left >= chunk.length ? chunk : chunk.subarray(0, left))) await new Promise((r) => gz.once("drain", r));
  }
  gz.end(tail);
  await ended;
  return Buffer.concat(out);
}

/** POSTs raw bytes; the status, or the network error when the server drops the connection */
function postRaw(url: string, body: Buffer, headers: Record<string, string>): Promise<{ status?: number; error?: string }> {
  return new Promise((resolve) => {
    const req = http.request(`${url}/api/messages`, { method: "POST", headers: { ...headers, "content-length": String(body.length) }, timeout: STEP_TIMEOUT_MS }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode }));
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    req.end(body);
  });
}

/** what the bot sent back, without any text of the user's */
function replyKind(a: Record<string, any> | undefined): string {
  if (!a) return "none";
  if (a.attachments?.length) return `card (${a.attachments[0].contentType})`;
  return `text (${String(a.text ?? "").length} characters)`;
}

export async function run(): Promise<object> {
  const started = performance.now();
  const connector = new ConnectorStub();
  const files = new FileServer();
  const serviceUrl = await connector.start();
  await files.start();
  let bot: ServerProcess | undefined;
  let plain: ServerProcess | undefined;
  try {
    bot = await ServerProcess.start("bot");
    const server = bot;
    // warm-up: an ordinary message and a small file, so that the measurements see the payload, not first-use costs
    await post(server.url, message("hjälp", { serviceUrl }));
    await post(server.url, fileMessage("kort.docx", files.serve("kort.docx", { body: makeDocx(["Hej Anna, mötet är flyttat till fredag."]) }), { serviceUrl }));
    await connector.waitFor(2, STEP_TIMEOUT_MS);

    /** the worst of three (the first pays for compiling the code paths at this size): one activity in, one reply out */
    const measure = async (activity: () => unknown) => {
      const runs: Array<Read & { status: number; reply: string }> = [];
      for (let i = 0; i < 3; i++) {
        connector.clear();
        await server.mark();
        const status = (await post(server.url, activity())).status;
        const reply = replyKind((await connector.waitFor(1, STEP_TIMEOUT_MS))[0]?.activity);
        await sleep(50);
        runs.push({ status, reply, ...(await server.read()) });
      }
      return verdict({
        status: runs[0].status,
        reply: runs[0].reply,
        maxEventLoopDelayMs: Math.max(...runs.map((r) => r.maxEventLoopDelayMs)),
        peakRssIncreaseMb: Math.max(...runs.map((r) => r.peakRssIncreaseMb)),
        rssAtMarkMb: runs[0].rssAtMarkMb,
        eventLoopDelayPerRunMs: runs.map((r) => r.maxEventLoopDelayMs),
      });
    };

    // (a) a chat message of spaces
    const chat = fullMessage(serviceUrl);
    const chatChars = chat.activity.text.length;
    const chatAfter = await measure(() => ({ ...chat.activity, id: randomUUID() }));
    const chatBefore = extrapolate((n) => {
      const raw = spaced(n);
      before.stripMentions(raw);
      before.draftText(raw);
    }, chatChars);

    // (b) the same spaces in a .docx, downloaded from the file server
    const docx = makeDocx([spaced(chatChars)]);
    const docAfter = await measure(() => fileMessage("utkast.docx", files.serve("utkast.docx", { body: docx }), { serviceUrl }));
    const docBefore = extrapolate((n) => before.wordXmlText(`<w:p><w:r><w:t xml:space="preserve">${spaced(n)}</w:t></w:r></w:p>`), chatChars);

    // (c) a gzip bomb
    const jsonBytes = 200 * 1024 * 1024;
    const bomb = await gzipBomb(jsonBytes);
    const bombHeaders = { "content-type": "application/json", "content-encoding": "gzip" };
    await server.mark();
    const bombResult = await postRaw(server.url, bomb, bombHeaders);
    await sleep(100);
    const bombAfter = verdict(await server.read());
    await server.stop();
    bot = undefined;

    plain = await ServerProcess.start("plain-restify");
    await plain.mark();
    const plainResult = await postRaw(plain.url, bomb, bombHeaders);
    await sleep(100);
    const bombBefore = await plain.read();

    return {
      target: TARGET,
      chatSpaces: {
        input: { bodyBytes: chat.bytes, textChars: chatChars },
        after: chatAfter,
        before: chatBefore,
      },
      docxSpaces: {
        input: { docxBytes: docx.length, textChars: chatChars },
        after: docAfter,
        before: docBefore,
      },
      gzipBomb: {
        input: { gzipBytes: bomb.length, jsonBytes },
        after: { ...bombResult, ...bombAfter },
        before: { server: "plain restify 11, bodyParser({ maxBodySize: 256 KB })", ...plainResult, ...bombBefore },
      },
      seconds: round((performance.now() - started) / 1000),
    };
  } finally {
    await bot?.stop().catch(() => undefined);
    await plain?.stop().catch(() => undefined);
    await connector.stop();
    await files.stop();
  }
}
