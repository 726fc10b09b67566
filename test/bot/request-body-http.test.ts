// Hostile and odd request bodies at POST /api/messages, as real HTTP: the server answers
// each with a 4xx and stays up (restify 11's reader crashed the process on a body that was
// not gzip; a gzip bomb expanded to 200 MB before the 401).
import * as assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { projectRoot } from "../../src/project-root";
import { freePort } from "../support/ports";
import { ConnectorStub } from "../support/connector-stub";
import { message } from "../support/activities";

interface Answer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/** a raw POST: headers exactly as given (fetch would add or refuse some) */
function rawPost(url: string, headers: Record<string, string>, body: Buffer | string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}/api/messages`, { method: "POST", headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    // the server may close the connection before it has read everything: the answer still counts
    req.on("error", reject);
    req.end(body);
  });
}

const JSON_TYPE = { "content-type": "application/json" };

/**
 * ~`expanded` bytes of a JSON activity whose text is one long run of "a", gzipped as one
 * member per MB: members back to back are one valid gzip stream (RFC 1952), each cheap to build
 */
function gzipBomb(expanded: number): Buffer {
  const mb = zlib.gzipSync(Buffer.alloc(1 << 20, "a"), { level: 9 });
  const members = [zlib.gzipSync('{"type":"message","text":"')];
  for (let n = 0; n < expanded; n += 1 << 20) members.push(mb);
  members.push(zlib.gzipSync('"}'));
  return Buffer.concat(members);
}

function peakRssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

async function startProcess(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; out: () => string }> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-body-"));
  const child = spawn(process.execPath, ["--no-deprecation", path.join(projectRoot(), "dist", "src", "index.js")], {
    cwd: projectRoot(),
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn", DATA_DIR: dataDir, MICROSOFT_APP_ID: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += String(d)));
  child.stderr!.on("data", (d) => (out += String(d)));
  child.once("exit", () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15000;
  for (;;) {
    assert.equal(child.exitCode, null, `exited early:\n${out}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    assert.ok(Date.now() < deadline, `no /healthz within 15 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, url, out: () => out };
}

async function stopProcess(p: { child: ChildProcess }) {
  if (p.child.exitCode !== null) return;
  const exited = new Promise((r) => p.child.once("exit", r));
  p.child.kill("SIGKILL");
  await exited;
}

const MODES: Array<[string, Record<string, string>]> = [
  ["local mode", {}],
  // auth mode: the body is refused before any token check, so no key fetch is needed (the URL is a closed port)
  ["auth mode", { MICROSOFT_APP_ID: "11111111-2222-3333-4444-555555555555", MICROSOFT_APP_PASSWORD: "x", MICROSOFT_APP_TENANT_ID: "66666666-7777-8888-9999-000000000000", BOT_OPENID_METADATA_URL: "http://127.0.0.1:9/openid" }],
];

describe("request bodies at POST /api/messages (real process)", function () {
  this.timeout(60000);

  for (const [mode, env] of MODES) {
    describe(mode, () => {
      let bot: Awaited<ReturnType<typeof startProcess>>;
      before(async () => (bot = await startProcess(env)));
      after(async () => bot && (await stopProcess(bot)));

      it("a body that is not gzip, sent as gzip, gets 400 and the process stays up", async () => {
        for (const encoding of ["gzip", "x-gzip", "deflate", "br"]) {
          const res = await rawPost(bot.url, { ...JSON_TYPE, "content-encoding": encoding }, '{"type":"message","text":"hej"}');
          assert.equal(res.status, 400, `${encoding}: ${res.body}`);
          assert.deepEqual(JSON.parse(res.body), { error: "badEncoding" });
        }
        // a truncated gzip body, too
        const whole = zlib.gzipSync(JSON.stringify(message("hej", { serviceUrl: "http://127.0.0.1:9/" })));
        const res = await rawPost(bot.url, { ...JSON_TYPE, "content-encoding": "gzip" }, whole.subarray(0, whole.length - 12));
        assert.equal(res.status, 400);
        assert.equal(bot.child.exitCode, null, bot.out());
        assert.equal((await fetch(`${bot.url}/healthz`)).status, 200);
      });

      it("a gzip bomb (200 MB of JSON in a small body) gets 413 without being expanded", async () => {
        const bomb = gzipBomb(200 * 1024 * 1024);
        assert.ok(bomb.length < 256 * 1024, `the bomb fits the wire limit (${bomb.length} bytes)`);
        const before = peakRssKb(bot.child.pid!);
        const res = await rawPost(bot.url, { ...JSON_TYPE, "content-encoding": "gzip" }, bomb);
        assert.equal(res.status, 413, res.body);
        assert.deepEqual(JSON.parse(res.body), { error: "tooLarge" });
        const grewMb = (peakRssKb(bot.child.pid!) - before) / 1024;
        assert.ok(grewMb < 50, `peak RSS grew ${grewMb.toFixed(1)} MB`);
        assert.equal(bot.child.exitCode, null, bot.out());
      });
    });
  }
});

describe("request bodies at POST /api/messages (encodings, refusals, limits)", function () {
  this.timeout(30000);
  let bot: Awaited<ReturnType<typeof startProcess>>;
  const connector = new ConnectorStub();
  let serviceUrl: string;

  before(async () => {
    serviceUrl = await connector.start();
    bot = await startProcess({ MAX_REQUESTS_IN_FLIGHT: "3" });
  });
  after(async () => {
    if (bot) await stopProcess(bot);
    await connector.stop();
  });
  beforeEach(() => connector.clear());

  const activity = () => JSON.stringify(message("hjälp", { serviceUrl }));

  for (const [encoding, encode] of [
    ["gzip", zlib.gzipSync],
    ["deflate", zlib.deflateSync],
    ["br", zlib.brotliCompressSync],
    ["identity", (b: Buffer) => b],
  ] as const) {
    it(`a ${encoding} activity is decoded and answered`, async () => {
      const res = await rawPost(bot.url, { ...JSON_TYPE, "content-encoding": encoding }, encode(Buffer.from(activity())));
      assert.equal(res.status, 200, res.body);
      const [reply] = await connector.waitFor(1);
      assert.ok(reply.activity.attachments?.length, "the help card came back");
    });
  }

  const refused: Array<[string, Record<string, string>, Buffer | string, number, string]> = [
    ["text/plain", { "content-type": "text/plain" }, '{"type":"message"}', 415, "unsupportedMediaType"],
    ["no content type", {}, '{"type":"message"}', 415, "unsupportedMediaType"],
    ["a latin-1 charset", { "content-type": "application/json; charset=iso-8859-1" }, '{"type":"message"}', 415, "unsupportedMediaType"],
    ["an unknown encoding", { ...JSON_TYPE, "content-encoding": "compress" }, '{"type":"message"}', 415, "unsupportedEncoding"],
    ["stacked encodings", { ...JSON_TYPE, "content-encoding": "gzip, gzip" }, zlib.gzipSync(zlib.gzipSync('{"type":"message"}')), 415, "unsupportedEncoding"],
    ["invalid JSON", JSON_TYPE, '{"type":"message",', 400, "badJson"],
    ["a JSON array", JSON_TYPE, "[1,2,3]", 400, "badJson"],
    ["JSON null", JSON_TYPE, "null", 400, "badJson"],
    ["an empty body", JSON_TYPE, "", 400, "badJson"],
    ["invalid UTF-8", JSON_TYPE, Buffer.concat([Buffer.from('{"type":"message","text":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]), 400, "badJson"],
    ["deep nesting", JSON_TYPE, `{"type":"message","value":${"[".repeat(5000)}${"]".repeat(5000)}}`, 400, "tooDeep"],
    ["a body over 256 KB", JSON_TYPE, JSON.stringify({ type: "message", text: "a".repeat(300 * 1024) }), 413, "tooLarge"],
  ];
  for (const [what, headers, body, status, code] of refused) {
    it(`${what}: ${status} ${code}, nothing handled`, async () => {
      const res = await rawPost(bot.url, headers, body);
      assert.equal(res.status, status, res.body);
      assert.deepEqual(JSON.parse(res.body), { error: code });
      assert.equal(connector.received.length, 0);
    });
  }

  it("a declared length over the limit is refused before the body is read", async () => {
    const res = await new Promise<Answer>((resolve, reject) => {
      const req = http.request(`${bot.url}/api/messages`, { method: "POST", headers: { ...JSON_TYPE, "content-length": String(50 * 1024 * 1024) } }, (r) => {
        let text = "";
        r.on("data", (d) => (text += d));
        r.on("end", () => resolve({ status: r.statusCode ?? 0, body: text, headers: r.headers }));
      });
      req.on("error", reject);
      // only the first bytes are ever sent: the answer must not wait for the other 50 MB
      req.write('{"type":"message"');
    });
    assert.equal(res.status, 413);
    assert.equal(res.headers.connection, "close");
  });

  it("beyond MAX_REQUESTS_IN_FLIGHT a request gets 503 with Retry-After; the others finish", async () => {
    // three requests whose bodies never finish hold the three slots
    const held: http.ClientRequest[] = [];
    const answers: Array<Promise<Answer>> = [];
    for (let i = 0; i < 3; i++) {
      answers.push(
        new Promise<Answer>((resolve) => {
          const req = http.request(`${bot.url}/api/messages`, { method: "POST", headers: JSON_TYPE }, (r) => {
            let text = "";
            r.on("data", (d) => (text += d));
            r.on("end", () => resolve({ status: r.statusCode ?? 0, body: text, headers: r.headers }));
          });
          req.on("error", () => resolve({ status: 0, body: "", headers: {} }));
          req.write('{"type":"message",');
          held.push(req);
        }),
      );
    }
    // the server has the three bodies open once a fourth is refused; poll until it is
    let busy: Answer | undefined;
    for (let i = 0; i < 50 && busy?.status !== 503; i++) {
      busy = await rawPost(bot.url, JSON_TYPE, activity());
      if (busy.status !== 503) await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(busy?.status, 503);
    assert.equal(busy?.headers["retry-after"], "1");
    assert.deepEqual(JSON.parse(busy!.body), { error: "busy" });
    // the held requests end (as invalid JSON), their slots free up, and the bot answers again
    for (const req of held) req.end('"text":"hjälp"');
    for (const a of await Promise.all(answers)) assert.equal(a.status, 400);
    connector.clear();
    const res = await rawPost(bot.url, JSON_TYPE, activity());
    assert.equal(res.status, 200);
  });
});

describe("request bodies at POST /api/messages (slow clients)", function () {
  this.timeout(30000);
  let bot: Awaited<ReturnType<typeof startProcess>>;
  const connector = new ConnectorStub();
  let serviceUrl: string;

  before(async () => {
    serviceUrl = await connector.start();
    bot = await startProcess({ MAX_REQUESTS_IN_FLIGHT: "2", REQUEST_BODY_TIMEOUT_MS: "400" });
  });
  after(async () => {
    if (bot) await stopProcess(bot);
    await connector.stop();
  });

  /** a POST whose body starts and then comes a byte at a time (or stalls), never finishing on its own */
  function trickle(everyMs: number | undefined): { answer: Promise<Answer & { ms: number }>; stop(): void } {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const answer = new Promise<Answer & { ms: number }>((resolve, reject) => {
      const req = http.request(`${bot.url}/api/messages`, { method: "POST", headers: JSON_TYPE }, (r) => {
        let text = "";
        r.on("data", (d) => (text += d));
        r.on("end", () => resolve({ status: r.statusCode ?? 0, body: text, headers: r.headers, ms: Date.now() - started }));
      });
      req.on("error", reject);
      req.write('{"type":"message","text":"');
      if (everyMs) timer = setInterval(() => req.write("a"), everyMs);
    });
    return { answer, stop: () => clearInterval(timer) };
  }

  it("a body that stalls, or trickles in, gets 408 once REQUEST_BODY_TIMEOUT_MS is up, and frees its slot", async () => {
    // both slots taken by slow clients: one silent, one sending a byte every 50 ms (an idle timeout would never fire)
    const slow = [trickle(undefined), trickle(50)];
    try {
      for (const s of slow) {
        const res = await s.answer;
        assert.equal(res.status, 408, res.body);
        assert.deepEqual(JSON.parse(res.body), { error: "timeout" });
        assert.equal(res.headers.connection, "close");
        assert.ok(res.ms >= 350, `answered after ${res.ms} ms, not before the limit`);
      }
    } finally {
      slow.forEach((s) => s.stop());
    }
    const res = await rawPost(bot.url, JSON_TYPE, JSON.stringify(message("hjälp", { serviceUrl })));
    assert.equal(res.status, 200, res.body);
    await connector.waitFor(1);
    assert.equal(bot.child.exitCode, null, bot.out());
  });
});
