// Fuzz of POST /api/messages (issue 10): Teams activities, invokes and card submits with
// their bodies and headers mutated (./activity-fuzz-support.ts), sent as real HTTP requests,
// first to the app in this process (uncaught errors and the log watched, failures shrunk to
// the request shape that failed), then to `node dist/src/index.js` as its own process.
// The bar: no process exit, no 5xx for a client error, no handler reached by a malformed
// activity (no TypeError in a turn), and nothing stored (no incident or approval rows).
//
// FUZZ_RUNS_IN_PROCESS, FUZZ_RUNS_CHILD and FUZZ_SEED override the defaults (a failure prints
// its seed and path: FUZZ_SEED=<seed> replays it).
import * as assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Writable } from "node:stream";
import Database from "better-sqlite3";
import fc from "fast-check";
import { loadConfig } from "../../src/config";
import { buildApp, type App } from "../../src/app";
import { createLogger } from "../../src/logging";
import { projectRoot } from "../../src/project-root";
import { testLibrary } from "../support/library";
import { ConnectorStub } from "../support/connector-stub";
import { executeInvoke, message, post, type ActivityOpts } from "../support/activities";
import { actionsOf, cardOf } from "../support/cards";
import { freePort } from "../support/ports";
import { chatForm } from "./incident-support";
import { approvalInputs, bases, build, caseArb, incidentInputs, judge, send, showCase, wire, type Answer, type Base, type FuzzCase, type Tokens } from "./activity-fuzz-support";

const RUNS_IN_PROCESS = Number(process.env.FUZZ_RUNS_IN_PROCESS ?? 6500);
const RUNS_CHILD = Number(process.env.FUZZ_RUNS_CHILD ?? 4000);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

/** errors that only a handler reading a malformed value throws */
const PROGRAMMING_ERRORS = new Set(["TypeError", "RangeError", "ReferenceError", "SyntaxError", "URIError", "EvalError", "ZodError"]);
/** the connector's serialiser refusing a field the activity carried with the wrong type */
const SERIALISER = /must be of type|cannot be null or undefined/;

/** reads pino's JSON lines: keeps what points at a handler that met a malformed value */
class LogWatch {
  private problems: string[] = [];
  lines = 0;
  readonly events = new Map<string, number>();
  private partial = "";

  write(chunk: string): void {
    const text = this.partial + chunk;
    const lines = text.split("\n");
    this.partial = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.trim()) continue;
      this.lines++;
      let e: Record<string, unknown>;
      try {
        e = JSON.parse(line);
      } catch {
        this.problems.push(`a log line that is not JSON: ${line.slice(0, 200)}`);
        continue;
      }
      const ev = String(e.event ?? e.msg);
      this.events.set(ev, (this.events.get(ev) ?? 0) + 1);
      const err = String(e.err ?? "");
      const msg = String(e.message ?? "");
      if (e.event === "turnError" && (PROGRAMMING_ERRORS.has(err) || SERIALISER.test(msg))) this.problems.push(`turn failed: ${err}: ${msg.slice(0, 160)}`);
      if (e.event === "badActivity" && Object.keys(e).some((k) => !["level", "time", "pid", "hostname", "app", "correlationId", "event", "field", "msg"].includes(k))) this.problems.push(`the badActivity line carries more than the field: ${line.slice(0, 200)}`);
      if (typeof e.level === "number" && e.level >= 60) this.problems.push(`fatal log line: ${line.slice(0, 200)}`);
    }
  }

  take(): string[] {
    const p = this.problems;
    this.problems = [];
    return p;
  }
}

interface Target {
  url: string;
  dataDir: string;
  log: LogWatch;
  /** what went wrong since the last call (uncaught errors, handlers that met a malformed value) */
  problems(): string[];
  alive(): boolean;
  stop(): Promise<void>;
}

/** the app in this process: uncaught exceptions and unhandled rejections are caught and count as failures */
async function inProcess(): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-fuzz-"));
  const log = new LogWatch();
  const stream = new Writable({
    write(chunk, _enc, cb) {
      log.write(chunk.toString("utf8"));
      cb();
    },
  });
  const config = { ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "warn" }), port: 0 };
  const app: App = buildApp(config, createLogger({ level: "warn", pretty: false }, stream), { library: testLibrary() });
  const addr = await app.listen();

  const uncaught: string[] = [];
  const saved = { exc: process.listeners("uncaughtException"), rej: process.listeners("unhandledRejection") };
  process.removeAllListeners("uncaughtException");
  process.removeAllListeners("unhandledRejection");
  const onExc = (e: unknown) => uncaught.push(`uncaught exception: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  const onRej = (e: unknown) => uncaught.push(`unhandled rejection: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  process.on("uncaughtException", onExc);
  process.on("unhandledRejection", onRej);
  // botbuilder writes to the console (console.error on a failed turn): counted, kept out of the test output
  const consoleLines: string[] = [];
  const origError = console.error;
  const origWarn = console.warn;
  console.error = (...a: unknown[]) => void consoleLines.push(a.map(String).join(" ").slice(0, 300));
  console.warn = console.error;
  return {
    url: addr.url,
    dataDir,
    log,
    problems: () => [...uncaught.splice(0), ...log.take(), ...consoleLines.splice(0).map((l) => `console: ${l}`)],
    alive: () => true,
    stop: async () => {
      console.error = origError;
      console.warn = origWarn;
      process.removeListener("uncaughtException", onExc);
      process.removeListener("unhandledRejection", onRej);
      for (const l of saved.exc) process.on("uncaughtException", l as (e: Error) => void);
      for (const l of saved.rej) process.on("unhandledRejection", l as (e: unknown) => void);
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `node dist/src/index.js` as its own process, as in production (without an app id: localhost only) */
async function childProcess(): Promise<Target & { child: ChildProcess; output(): string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-fuzz-child-"));
  const port = await freePort();
  const entry = __filename.endsWith(".ts") ? ["-r", "tsx/cjs", path.join(projectRoot(), "src", "index.ts")] : [path.join(projectRoot(), "dist", "src", "index.js")];
  const child = spawn(process.execPath, ["--no-deprecation", ...entry], {
    cwd: projectRoot(),
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn", MICROSOFT_APP_ID: "", MICROSOFT_APP_PASSWORD: "", LOG_PRETTY: "false" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = new LogWatch();
  let tail = "";
  const keep = (d: Buffer) => (tail = (tail + d.toString("utf8")).slice(-20_000));
  child.stdout!.on("data", (d: Buffer) => (keep(d), log.write(d.toString("utf8"))));
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (keep(d), (stderr += d.toString("utf8"))));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the bot process exited at start:\n${tail}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`no /healthz within 20 s:\n${tail}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    url,
    dataDir,
    log,
    child,
    output: () => tail,
    problems: () => {
      const p = log.take();
      if (stderr.trim()) p.push(`stderr: ${stderr.trim().slice(0, 300)}`);
      stderr = "";
      if (!alive()) p.push(`the bot process exited (code ${child.exitCode}, signal ${child.signalCode})`);
      return p;
    },
    alive,
    stop: async () => {
      if (alive()) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        const t = setTimeout(() => child.kill("SIGKILL"), 5000);
        await exited;
        clearTimeout(t);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** the forms' real tokens (from the cards the bot sends), so the submits reach the services */
async function prepare(url: string, stub: ConnectorStub, conversationId: string): Promise<Tokens> {
  const o: ActivityOpts = { serviceUrl: stub.url, conversationId };
  const say = async (text: string) => {
    stub.clear();
    const res = await post(url, message(text, o));
    assert.equal(res.status, 200, `${text}: ${JSON.stringify(res.body)}`);
    const [reply] = await stub.waitFor(1);
    return reply.activity;
  };
  // a pack whose approval rule has a manager decide (the sample directory has the test user's)
  await say("policy wenell");
  const incident = (await chatForm(url, cardOf(await say("rapportera incident")), o)).data;
  const approval = actionsOf(cardOf(await say("ansök om AI-verktyg")))[0].data;
  stub.clear();
  assert.equal(typeof incident?.token, "string", "incident form token");
  assert.equal(typeof approval?.token, "string", "approval form token");
  return { incident, approval };
}

/** rows in every table of every SQLite file under DATA_DIR, but the migrations and the key-value state */
function storedRows(dataDir: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of fs.readdirSync(dataDir).filter((n) => n.endsWith(".sqlite"))) {
    const db = new Database(path.join(dataDir, f), { readonly: true, fileMustExist: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
      for (const { name } of tables) {
        if (name === "migrations" || name === "state" || name.startsWith("sqlite_")) continue;
        out[`${f}:${name}`] = (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n;
      }
    } finally {
      db.close();
    }
  }
  return out;
}

function nonEmpty(rows: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(rows).filter(([, n]) => n > 0));
}

interface Stats {
  runs: number;
  statuses: Map<number, number>;
  /** refused requests whose connection the server closed before an answer */
  resets: number;
  ms: number;
}

async function fuzz(target: Target, stub: ConnectorStub, all: Base[], numRuns: number, endOnFailure: boolean): Promise<Stats> {
  const byName = new Map(all.map((b) => [b.name, b]));
  const stats: Stats = { runs: 0, statuses: new Map(), resets: 0, ms: 0 };
  const started = Date.now();
  await fc.assert(
    fc.asyncProperty(caseArb(all), async (c: FuzzCase) => {
      stats.runs++;
      const a = build(byName.get(c.base)!, c);
      const w = wire(a, c.http);
      let r: Answer | undefined;
      try {
        r = await send(target.url, w);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? "";
        // a server may refuse a bad request by closing the connection: fine, if it is still there
        if (w.refused && ["ECONNRESET", "EPIPE"].includes(code) && target.alive()) stats.resets++;
        else {
          const problems = target.problems();
          throw new Error(`${showCase(c)}\n  -> no answer: ${code} ${(e as Error).message}${target.alive() ? "" : " (the bot process has exited)"}${problems.length ? `\n     ${problems.join("\n     ")}` : ""}`);
        }
      } finally {
        stub.clear();
      }
      const problems = target.problems();
      if (problems.length) throw new Error(`${showCase(c)}\n  -> ${problems.join("\n     ")}${r ? ` (answered ${r.status})` : ""}`);
      if (!r) return;
      stats.statuses.set(r.status, (stats.statuses.get(r.status) ?? 0) + 1);
      const verdict = judge(c, a, w, r);
      if (verdict) throw new Error(`${showCase(c)}\n  -> ${verdict}`);
    }),
    { numRuns, seed: SEED, endOnFailure, verbose: 0 },
  );
  stats.ms = Date.now() - started;
  return stats;
}

function summary(s: Stats): string {
  const statuses = [...s.statuses.entries()].sort((a, b) => a[0] - b[0]).map(([k, n]) => `${k}: ${n}`).join(", ");
  return `${s.runs} requests in ${(s.ms / 1000).toFixed(1)} s (${statuses}${s.resets ? `, closed without an answer: ${s.resets}` : ""})`;
}

describe("fuzz: malformed activities and requests (POST /api/messages)", function () {
  this.timeout(240_000);
  const stub = new ConnectorStub();
  const conversationId = "a:fuzz-personal";

  before(async () => {
    await stub.start();
  });
  after(async () => {
    await stub.stop();
  });

  async function checkStoresAndControl(target: Target, tokens: Tokens): Promise<void> {
    // nothing the fuzz sent was a complete, valid form: nothing is stored
    assert.deepEqual(nonEmpty(storedRows(target.dataDir)), {}, "malformed requests stored rows");
    // control: the unmutated submits do store (the fuzz reached the real services)
    const o: ActivityOpts = { serviceUrl: stub.url, conversationId };
    for (const a of [executeInvoke("incidentSubmit", { ...tokens.incident, ...incidentInputs() }, o), executeInvoke("approvalSubmit", { ...tokens.approval, ...approvalInputs() }, o)]) {
      const res = await post(target.url, a);
      assert.equal(res.status, 200, JSON.stringify(res.body).slice(0, 300));
    }
    stub.clear();
    const rows = storedRows(target.dataDir);
    assert.ok((rows["incidents.sqlite:incidents"] ?? 0) + (rows["incidents.sqlite:incident_outbox"] ?? 0) >= 1, `the valid incident submit stored nothing: ${JSON.stringify(rows)}`);
    assert.ok((rows["approvals.sqlite:approvals"] ?? 0) >= 1, `the valid approval submit stored nothing: ${JSON.stringify(rows)}`);
  }

  it(`in process: ${RUNS_IN_PROCESS} mutated requests, no uncaught error, no 5xx, no handler reached by a malformed activity, nothing stored`, async function () {
    const target = await inProcess();
    try {
      const tokens = await prepare(target.url, stub, conversationId);
      target.problems();
      const stats = await fuzz(target, stub, bases(stub.url, conversationId, tokens), RUNS_IN_PROCESS, false);
      this.test!.title += ` [${summary(stats)}]`;
      assert.equal((await fetch(`${target.url}/healthz`)).status, 200);
      await checkStoresAndControl(target, tokens);
    } finally {
      await target.stop();
    }
  });

  it(`as its own process: ${RUNS_CHILD} mutated requests, the process stays up, no 5xx, nothing stored`, async function () {
    const target = await childProcess();
    try {
      const tokens = await prepare(target.url, stub, conversationId);
      target.problems();
      // a crash ends the run at once (shrinking needs a live server; the in-process run shrinks)
      const stats = await fuzz(target, stub, bases(stub.url, conversationId, tokens), RUNS_CHILD, true);
      this.test!.title += ` [${summary(stats)}]`;
      assert.ok(target.alive(), `the bot process exited:\n${target.output()}`);
      assert.equal((await fetch(`${target.url}/healthz`)).status, 200);
      await checkStoresAndControl(target, tokens);
    } finally {
      await target.stop();
    }
  });
});
