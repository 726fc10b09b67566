// `npm run bench:load`: load on loopback against the real built server (the production start
// command from package.json, in child processes), replies to a local connector in this process.
// Workloads: policy questions, 10 KB drafts, and a mix (60 % questions, 30 % drafts, 10 %
// commands); 10 and 50 concurrent; one process, and two processes on two ports with the
// generator balancing (as two instances behind a load balancer). Each run starts fresh
// servers, warms up, then measures a fixed window; every activity must be answered exactly once.
// Options: --seconds N (measured window, default 5), --only <workload>, --procs 1|2, --conc N,
// --node-flags "--cpu-prof ..." (added before the start command's own, for profiling),
// --keep-logs (each server's data folder and log are kept, their paths printed), --no-auth
// (no Bot Framework tokens: the local demo's mode), --baseline <dir> and --paired <dir> (see run()).
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import type { AddressInfo } from "node:net";
import { corpus, prng } from "./review-corpus";
import { freePort } from "../test/support/ports";
import { OpenIdServer } from "../test/support/openid-server";

const ROOT = path.resolve(__dirname, "..", "..");

type Workload = "questions" | "drafts" | "mix";
type Kind = "question" | "draft" | "command";

export interface RunResult {
  /** "current" (this checkout) or "baseline" (--baseline <dir>) */
  build: string;
  /** per process (with --paired: the baseline's and this checkout's side by side, same load, same moments) */
  perProcess: Array<{ build: string; measured: number; p50Ms: number; p99Ms: number; cpuMsPerActivity: number; peakRssMb: number; coldStartMs: number }>;
  /** Bot Framework tokens validated (as in production; --no-auth turns it off) */
  auth: boolean;
  workload: Workload;
  concurrency: number;
  processes: number;
  activitiesPerSec: number;
  p50Ms: number;
  p99Ms: number;
  measured: number;
  sent: number;
  nonOk: number;
  /** per process: MB (VmHWM over the process's life: start-up included) */
  peakRssMb: number[];
  /** per process: spawn to /readyz 200 */
  coldStartMs: number[];
  /** per process: CPU time over the measured window / window (1.0 = one core) */
  cpuCores: number[];
  /**
   * server CPU time (all processes) per activity in the window: what an activity costs,
   * far steadier on a shared host than activities/s (which waits for the CPU it gets)
   */
  cpuMsPerActivity: number;
  /** this process's CPU per activity (generator and connector), for scale */
  benchCpuMsPerActivity: number;
  answeredExactlyOnce: boolean;
  missing: string[];
  duplicate: string[];
  /** replies beyond the first for an activity (incident offers, warnings): expected, not duplicates */
  extraReplies: number;
  loadAvg: number[];
}

// ---- inputs -------------------------------------------------------------------------------


function questions(): string[] {
  const file = path.join(ROOT, "test", "policy", "fixtures", "questions.jsonl");
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { question: string }).question);
}

/** drafts of about 10 KB (UTF-8) made of the review corpus's deterministic drafts */
function drafts10k(n: number): string[] {
  const parts = corpus(n * 11_000, 20261207);
  const out: string[] = [];
  let cur = "";
  for (const p of parts) {
    cur = cur ? `${cur}\n\n${p}` : p;
    if (Buffer.byteLength(cur) >= 10_000) {
      out.push(cur);
      cur = "";
      if (out.length === n) break;
    }
  }
  return out;
}

const COMMANDS = ["hjälp", "help", "policy", "hej", "policyer"];
/** the tenant of every activity, on the server's allow-list (ALLOWED_TENANT_IDS) */
const LOAD_TENANT = "10ad10ad-0000-4000-8000-000000000001";

/** a Teams personal-chat message with a placeholder id, as a string split around the id */
function template(text: string, serviceUrl: string, user: number): [string, string] {
  const marker = "@@ID@@";
  const body = JSON.stringify({
    type: "message",
    id: marker,
    timestamp: "2026-12-07T12:00:00.000Z",
    channelId: "msteams",
    serviceUrl,
    from: { id: `29:load-user-${user}`, name: "Load", aadObjectId: `00000000-0000-0000-0000-${String(user).padStart(12, "0")}` },
    recipient: { id: "28:policybot-load", name: "Policybot" },
    locale: "sv-SE",
    conversation: { id: `a:load-conv-${user}`, conversationType: "personal", tenantId: LOAD_TENANT },
    channelData: { tenant: { id: LOAD_TENANT } },
    text,
    textFormat: "plain",
  });
  const i = body.indexOf(marker);
  return [body.slice(0, i), body.slice(i + marker.length)];
}

// ---- connector ----------------------------------------------------------------------------

/**
 * The Bot Connector stand-in: records the replies per activity id (the id in the reply's path).
 * An activity is answered when it gets at least one card; some get more (a question that reads
 * like an incident also gets the incident offer, one holding personal data a text warning first).
 * A duplicate is the same reply (byte for byte) posted twice for one activity.
 */
class CountingConnector {
  /** activity id -> hashes of the replies posted for it */
  readonly replies = new Map<string, string[]>();
  readonly cards = new Set<string>();
  extra = 0;
  private server?: http.Server;
  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const m = /^\/v3\/conversations\/[^/]+\/activities\/([^/?]+)/.exec(req.url ?? "");
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        if (m && req.method === "POST") {
          const id = decodeURIComponent(m[1]);
          const raw = Buffer.concat(chunks);
          const list = this.replies.get(id) ?? [];
          if (list.length) this.extra++;
          list.push(createHash("sha1").update(raw).digest("base64"));
          this.replies.set(id, list);
          const a = JSON.parse(raw.toString("utf8")) as { type?: string; attachments?: unknown[] };
          if (a.type === "message" && a.attachments?.length) this.cards.add(id);
        }
        res.writeHead(200, { "content-type": "application/json" });
        res.end('{"id":"r"}');
      });
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }
  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => this.server!.close(() => r()));
  }
}

// ---- server processes ---------------------------------------------------------------------

interface Proc {
  child: ChildProcess;
  url: string;
  coldStartMs: number;
  dataDir: string;
  exited: Promise<number | null>;
}

/** the production start command (package.json "start:prod"): node, its flags and the entry */
function startCommand(root: string): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
  const words = pkg.scripts["start:prod"].trim().split(/\s+/);
  if (words[0] !== "node") throw new Error(`start:prod does not start with node: ${pkg.scripts["start:prod"]}`);
  return words.slice(1);
}

async function startServer(root: string, env: Record<string, string>): Promise<Proc> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-load-"));
  const logFd = fs.openSync(path.join(dataDir, "server.log"), "w");
  const t0 = performance.now();
  const flags = (arg("node-flags") ?? "").split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...flags, ...startCommand(root)], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: os.tmpdir(), PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", logFd, "pipe"],
  });
  fs.closeSync(logFd);
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited at start (${child.exitCode}): ${stderr.slice(0, 500)}`);
    if (Date.now() > deadline) throw new Error("server not ready within 20 s");
    const status = await new Promise<number>((resolve) => {
      const r = http.get(`${url}/readyz`, { agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      r.on("error", () => resolve(0));
    });
    if (status === 200) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  return { child, url, coldStartMs: Math.round(performance.now() - t0), dataDir, exited };
}

async function stopServer(p: Proc): Promise<void> {
  p.child.kill("SIGTERM");
  const timer = setTimeout(() => p.child.kill("SIGKILL"), 10_000);
  await p.exited;
  clearTimeout(timer);
  if (process.argv.includes("--keep-logs")) console.error(`server log: ${path.join(p.dataDir, "server.log")}`);
  else fs.rmSync(p.dataDir, { recursive: true, force: true });
}

function procStatus(pid: number): { hwmMb: number } {
  const s = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+)/.exec(s)?.[1] ?? 0);
  return { hwmMb: Math.round(kb / 1024) };
}

/** user + system CPU seconds of a process so far */
function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // fields 14 and 15 (utime, stime), counted from the state field as 3
  return (Number(f[11]) + Number(f[12])) / 100;
}

// ---- one run ------------------------------------------------------------------------------

export async function runOnce(roots: string[], workload: Workload, concurrency: number, seconds: number, auth: boolean): Promise<RunResult> {
  const processes = roots.length;
  const connector = new CountingConnector();
  const serviceUrl = await connector.start();
  // as in production: every activity carries a channel token the server validates (RS256 against
  // the published keys), and the server gets its own connector token (once, then from msal's cache)
  const appId = randomUUID();
  const openid = auth ? new OpenIdServer({ clientId: appId, clientSecret: `secret-${appId}` }) : undefined;
  await openid?.start();
  const authEnv: Record<string, string> = openid
    ? {
        MICROSOFT_APP_ID: appId,
        MICROSOFT_APP_PASSWORD: `secret-${appId}`,
        MICROSOFT_APP_TYPE: "MultiTenant",
        BOT_OPENID_METADATA_URL: openid.metadataUrl,
        BOT_LOGIN_URL: openid.loginUrl,
        ALLOWED_TENANT_IDS: LOAD_TENANT,
        // the limits stay on, set where the run never reaches them: their cost is measured, not their drops
        RATE_LIMIT_PER_USER: "100000",
        RATE_LIMIT_PER_TENANT: "10000000",
      }
    : {};
  const authorization = openid ? { authorization: `Bearer ${openid.channelToken({ appId, serviceUrl })}` } : {};
  const procs: Proc[] = [];
  for (const root of roots) procs.push(await startServer(root, authEnv));

  const qs = questions();
  const ds = drafts10k(40);
  const rnd = prng(7 + concurrency);
  const pickKind = (): Kind => {
    if (workload === "questions") return "question";
    if (workload === "drafts") return "draft";
    const x = rnd();
    return x < 0.6 ? "question" : x < 0.9 ? "draft" : "command";
  };
  const users = 50;
  const tpl = new Map<string, [string, string]>();
  const body = (kind: Kind, n: number, user: number, id: string): string => {
    const text = kind === "question" ? qs[n % qs.length] : kind === "draft" ? ds[n % ds.length] : COMMANDS[n % COMMANDS.length];
    const key = `${kind}:${n % 1000}:${user}`;
    let t = tpl.get(key);
    if (!t) tpl.set(key, (t = template(text, serviceUrl, user)));
    return t[0] + id + t[1];
  };

  const agents = procs.map(() => new http.Agent({ keepAlive: true, maxSockets: concurrency }));
  const sent: string[] = [];
  let nonOk = 0;
  let n = 0;
  const post = (worker: number): Promise<number> => {
    const i = n++;
    const id = `load-${i}`;
    sent.push(id);
    const target = worker % procs.length;
    const data = body(pickKind(), i, worker % users, id);
    const t0 = performance.now();
    return new Promise((resolve) => {
      const req = http.request(`${procs[target].url}/api/messages`, { method: "POST", agent: agents[target], headers: { "content-type": "application/json", "content-length": Buffer.byteLength(data), ...authorization } }, (res) => {
        res.resume();
        res.on("end", () => {
          if (res.statusCode !== 200) nonOk++;
          resolve(performance.now() - t0);
        });
      });
      req.on("error", () => {
        nonOk++;
        resolve(performance.now() - t0);
      });
      req.end(data);
    });
  };

  // warm-up: JIT and caches, not measured
  const warmUntil = performance.now() + 1500;
  await Promise.all(Array.from({ length: concurrency }, async (_, w) => { while (performance.now() < warmUntil) await post(w); }));

  const loadAvg = os.loadavg().map((x) => Math.round(x * 100) / 100);
  const cpu0 = procs.map((p) => cpuSeconds(p.child.pid!));
  const benchCpu0 = process.cpuUsage();
  const latencies: number[] = [];
  const perTarget: number[][] = procs.map(() => []);
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      while (performance.now() < end) {
        const ms = await post(w);
        latencies.push(ms);
        perTarget[w % procs.length].push(ms);
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  const cpuUsed = procs.map((p, i) => cpuSeconds(p.child.pid!) - cpu0[i]);
  const benchCpu = process.cpuUsage(benchCpu0);
  const cpu = cpuUsed.map((c) => Math.round((c / elapsed) * 100) / 100);
  // replies are sent inside the turn, before its HTTP answer; a short grace for any straggler
  await new Promise((r) => setTimeout(r, 200));
  const peakRssMb = procs.map((p) => procStatus(p.child.pid!).hwmMb);

  const missing: string[] = [];
  const duplicate: string[] = [];
  for (const id of sent) {
    const r = connector.replies.get(id) ?? [];
    if (!connector.cards.has(id)) missing.push(id);
    if (new Set(r).size !== r.length) duplicate.push(id);
  }
  for (const a of agents) a.destroy();
  await Promise.all(procs.map(stopServer));
  await connector.stop();
  await openid?.stop();

  const q = quantiles(latencies);
  return {
    build: roots.every((r) => r === ROOT) ? "current" : roots.every((r) => r !== ROOT) ? "baseline" : "paired",
    auth,
    workload,
    concurrency,
    processes,
    activitiesPerSec: Math.round(latencies.length / elapsed),
    p50Ms: q(0.5),
    p99Ms: q(0.99),
    perProcess: procs.map((_, i) => {
      const qi = quantiles(perTarget[i]);
      return {
        build: roots[i] === ROOT ? "current" : "baseline",
        measured: perTarget[i].length,
        p50Ms: qi(0.5),
        p99Ms: qi(0.99),
        cpuMsPerActivity: Math.round(((cpuUsed[i] * 1000) / perTarget[i].length) * 100) / 100,
        peakRssMb: peakRssMb[i],
        coldStartMs: procs[i].coldStartMs,
      };
    }),
    measured: latencies.length,
    sent: sent.length,
    nonOk,
    peakRssMb,
    coldStartMs: procs.map((p) => p.coldStartMs),
    cpuCores: cpu,
    cpuMsPerActivity: Math.round(((cpuUsed.reduce((a, b) => a + b, 0) * 1000) / latencies.length) * 100) / 100,
    benchCpuMsPerActivity: Math.round(((benchCpu.user + benchCpu.system) / 1000 / latencies.length) * 100) / 100,
    answeredExactlyOnce: missing.length === 0 && duplicate.length === 0 && nonOk === 0,
    missing: missing.slice(0, 10),
    duplicate: duplicate.slice(0, 10),
    extraReplies: connector.extra,
    loadAvg,
  };
}

function quantiles(xs: number[]): (p: number) => number {
  const s = [...xs].sort((a, b) => a - b);
  return (p) => (s.length ? Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))] * 10) / 10 : NaN);
}

const TARGETS = { mix1: 400, mix2: 550, p99At10Ms: 50, peakRssMb: 250, coldStartMs: 1000 };

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** current / baseline: activities per second, and server CPU per activity (below 1: cheaper) */
interface Ratio {
  workload: Workload;
  processes: number;
  concurrency: number;
  ratio: number;
  cpuPerActivityRatio: number;
}

function line(r: RunResult): string {
  return (
    `${r.build.padEnd(8)} ${r.workload.padEnd(9)} procs=${r.processes} conc=${String(r.concurrency).padEnd(2)} ${String(r.activitiesPerSec).padStart(4)}/s p50 ${r.p50Ms} ms p99 ${r.p99Ms} ms` +
    ` rss ${r.peakRssMb.join("/")} MB cold ${r.coldStartMs.join("/")} ms cpu ${r.cpuCores.join("/")} (${r.cpuMsPerActivity} ms/activity) once=${r.answeredExactlyOnce}` +
    `${r.missing.length ? ` missing=${r.missing.length}` : ""}${r.duplicate.length ? ` duplicate=${r.duplicate.length}` : ""}${r.nonOk ? ` nonOk=${r.nonOk}` : ""} load ${r.loadAvg.join(" ")}`
  );
}

/**
 * Every configuration once, or with --baseline <dir> (another built checkout, e.g. main) twice:
 * baseline and current back to back, in alternating order, so that a busy spell of the shared
 * host hits both; `ratio` is current / baseline activities per second.
 */
export async function run(): Promise<{ runs: RunResult[]; ratios: Ratio[]; targets: typeof TARGETS; cores: number; loadAvgAtEnd: number[] }> {
  const seconds = Number(arg("seconds") ?? 5);
  const auth = !process.argv.includes("--no-auth");
  const baseline = arg("baseline") ? path.resolve(arg("baseline")!) : undefined;
  const workloads: Workload[] = arg("only") ? [arg("only") as Workload] : ["questions", "drafts", "mix"];
  const procsList = arg("procs") ? [Number(arg("procs"))] : [1, 2];
  const concList = arg("conc") ? [Number(arg("conc"))] : [10, 50];
  const runs: RunResult[] = [];
  const ratios: Ratio[] = [];
  const paired = arg("paired") ? path.resolve(arg("paired")!) : undefined;
  if (paired) {
    // one baseline and one current process under the same load at the same moments; the
    // generator alternates between them, so a busy spell of the host hits both alike
    let k = 0;
    for (const workload of workloads) {
      for (const concurrency of concList) {
        const r = await runOnce(k++ % 2 === 0 ? [paired, ROOT] : [ROOT, paired], workload, concurrency, seconds, auth);
        runs.push(r);
        for (const p of r.perProcess) {
          console.log(`${p.build.padEnd(8)} ${workload.padEnd(9)} conc=${String(concurrency).padEnd(2)} (half each) p50 ${p.p50Ms} ms p99 ${p.p99Ms} ms cpu ${p.cpuMsPerActivity} ms/activity rss ${p.peakRssMb} MB cold ${p.coldStartMs} ms once=${r.answeredExactlyOnce} load ${r.loadAvg.join(" ")}`);
        }
        const cur = r.perProcess.find((p) => p.build === "current")!;
        const base = r.perProcess.find((p) => p.build === "baseline")!;
        ratios.push({ workload, processes: 1, concurrency, ratio: NaN, cpuPerActivityRatio: Math.round((cur.cpuMsPerActivity / base.cpuMsPerActivity) * 100) / 100 });
      }
    }
    return { runs, ratios, targets: TARGETS, cores: os.cpus().length, loadAvgAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100) };
  }
  let k = 0;
  for (const processes of procsList) {
    for (const workload of workloads) {
      for (const concurrency of concList) {
        const roots = baseline ? (k++ % 2 === 0 ? [baseline, ROOT] : [ROOT, baseline]) : [ROOT];
        const pair: RunResult[] = [];
        for (const root of roots) {
          const r = await runOnce(Array(processes).fill(root), workload, concurrency, seconds, auth);
          pair.push(r);
          runs.push(r);
          console.log(line(r));
        }
        if (baseline) {
          const cur = pair.find((r) => r.build === "current")!;
          const base = pair.find((r) => r.build === "baseline")!;
          ratios.push({
            workload,
            processes,
            concurrency,
            ratio: Math.round((cur.activitiesPerSec / base.activitiesPerSec) * 100) / 100,
            cpuPerActivityRatio: Math.round((cur.cpuMsPerActivity / base.cpuMsPerActivity) * 100) / 100,
          });
        }
      }
    }
  }
  return { runs, ratios, targets: TARGETS, cores: os.cpus().length, loadAvgAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100) };
}

if (require.main === module) {
  run().then(
    (r) => {
      console.log(JSON.stringify(r, null, 2));
      process.exitCode = r.runs.every((x) => x.answeredExactlyOnce) ? 0 : 1;
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
