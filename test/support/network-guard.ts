// Keeps the suite hermetic: loaded by mocha before any test (.mocharc.json "require"), it
// refuses every TCP connection that does not go to this machine's loopback, in this process
// and, through NODE_OPTIONS, in every Node process a test starts (the server, Azurite).
// A refused connection fails with an error at once (no DNS query, no packet leaves), and
// run fails at its end, naming each test that tried and the hosts it asked for.
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";

export class NetworkRefused extends Error {
  constructor(readonly target: string) {
    super(`hermetic test run: a connection to ${target} was refused (tests may only reach 127.0.0.1/::1)`);
    this.name = "NetworkRefused";
  }
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|::1|::ffff:127(?:\.\d{1,3}){3}|0\.0\.0\.0|::)$/i;

/** the host and port a Socket#connect call asks for, or undefined for a local (unix/pipe) path */
function targetOf(args: unknown[]): { host: string; port: string } | undefined {
  let first = args[0];
  if (Array.isArray(first)) first = first[0]; // net's internal normalized form: [options, cb]
  if (first && typeof first === "object") {
    const o = first as { path?: unknown; host?: unknown; port?: unknown };
    if (typeof o.path === "string") return undefined;
    return { host: typeof o.host === "string" && o.host !== "" ? o.host : "localhost", port: String(o.port ?? "") };
  }
  if (typeof first === "string" && !/^\d+$/.test(first)) return undefined; // a path
  return { host: typeof args[1] === "string" && args[1] !== "" ? (args[1] as string) : "localhost", port: String(first ?? "") };
}

/** where refusals in child processes are written, so the parent's hook sees them too */
const LOG = process.env.POLICYBOT_NETWORK_GUARD_LOG ?? path.join(os.tmpdir(), `policybot-network-guard-${process.pid}.log`);
const refused: string[] = [];

function install(): void {
  const marker = Symbol.for("policybot.networkGuard");
  const proto = net.Socket.prototype as unknown as Record<symbol | string, unknown>;
  if (proto[marker]) return;
  proto[marker] = true;
  const connect = net.Socket.prototype.connect as (...a: unknown[]) => net.Socket;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    const t = targetOf(args);
    if (t && !LOOPBACK.test(t.host.replace(/^\[|\]$/g, ""))) {
      const target = `${t.host}:${t.port}`;
      refused.push(target);
      try {
        fs.appendFileSync(LOG, `${target}\n`);
      } catch {
        /* the in-process record is enough */
      }
      process.nextTick(() => this.destroy(new NetworkRefused(target)));
      return this;
    }
    return connect.apply(this, args);
  } as typeof net.Socket.prototype.connect;
}

install();

// children inherit the guard (they are started with { ...process.env }) and report into our log
if (!process.env.POLICYBOT_NETWORK_GUARD_LOG) {
  process.env.POLICYBOT_NETWORK_GUARD_LOG = LOG;
  fs.writeFileSync(LOG, "");
  const self = __filename.replace(/\\/g, "/");
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} --require ${JSON.stringify(self)}`.trim();
}

/** refusals since the last call (this process and its children), and forgets them */
export function takeRefusals(): string[] {
  const fromChildren = fs.existsSync(LOG) ? fs.readFileSync(LOG, "utf8").split("\n").filter(Boolean) : [];
  const all = [...new Set([...refused, ...fromChildren])];
  refused.length = 0;
  if (fromChildren.length) fs.writeFileSync(LOG, "");
  return all;
}

/** refusals by test, reported together once every test has run (a failing root afterEach would stop the run) */
const offenders = new Map<string, Set<string>>();
let current = "(outside any test)";

function record(): void {
  for (const target of takeRefusals()) {
    const set = offenders.get(current) ?? new Set<string>();
    set.add(target);
    offenders.set(current, set);
  }
}

export const mochaHooks = {
  beforeEach(this: Mocha.Context) {
    record();
    current = this.currentTest?.fullTitle() ?? current;
  },
  afterEach() {
    record();
  },
  afterAll() {
    record();
    fs.rmSync(LOG, { force: true });
    if (offenders.size === 0) return;
    const lines = [...offenders].map(([test, targets]) => `  "${test}": ${[...targets].join(", ")}`);
    throw new Error(`connections off the machine were tried during these tests (test/support/network-guard.ts; a child process is counted against the test running when it tried):\n${lines.join("\n")}`);
  },
};
