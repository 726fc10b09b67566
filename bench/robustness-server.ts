// The server process for bench/robustness.bench.ts: the real app (buildApp, as test/support/
// bot-server.ts starts it) or, as the baseline for the gzip bomb, a plain restify 11 server
// with bodyParser({ maxBodySize: 256 KB }). It measures itself, so that the bench's own work
// (building inputs, sending them) is not counted: the longest event-loop delay
// (monitorEventLoopDelay) and the peak RSS, sampled by a worker thread every 2 ms so that a
// blocked event loop does not hide the peak. Driven over IPC: "mark" starts a measurement,
// "read" ends it, "stop" closes the server.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import * as restify from "restify";
import { startBot } from "../test/support/bot-server";

const SAMPLER = `
const { workerData } = require("node:worker_threads");
const peak = new Int32Array(workerData);
setInterval(() => {
  const kb = Math.round(process.memoryUsage.rss() / 1024);
  if (kb > Atomics.load(peak, 0)) Atomics.store(peak, 0, kb);
}, 2);
`;

export type ServerMessage = { ready: string } | { marked: true } | { read: { maxEventLoopDelayMs: number; peakRssIncreaseMb: number; rssAtMarkMb: number } };
export type BenchMessage = { cmd: "mark" | "read" | "stop" };

async function main(): Promise<void> {
  const mode = process.argv[2];
  const peak = new Int32Array(new SharedArrayBuffer(4));
  const sampler = new Worker(SAMPLER, { eval: true, workerData: peak.buffer });
  sampler.unref();
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();

  let url: string;
  let stop: () => Promise<void>;
  if (mode === "plain-restify") {
    const server = restify.createServer({ name: "baseline", handleUncaughtExceptions: false });
    server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
    server.post("/api/messages", (_req, res, next) => {
      res.send(200, {});
      return next();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  } else {
    const bot = await startBot({ LOG_LEVEL: "info" });
    url = bot.url;
    stop = bot.stop;
  }

  let rssAtMark = 0;
  const send = (m: ServerMessage) => process.send?.(m);
  process.on("message", async (m: BenchMessage) => {
    if (m.cmd === "mark") {
      (globalThis as { gc?: () => void }).gc?.(); // garbage of earlier requests is not collected inside the measurement
      rssAtMark = process.memoryUsage.rss();
      Atomics.store(peak, 0, Math.round(rssAtMark / 1024));
      delay.reset();
      send({ marked: true });
    } else if (m.cmd === "read") {
      const mb = (b: number) => Math.round((b / (1024 * 1024)) * 10) / 10;
      const peakBytes = Math.max(Atomics.load(peak, 0) * 1024, process.memoryUsage.rss());
      send({ read: { maxEventLoopDelayMs: Math.round((delay.max / 1e6) * 10) / 10, peakRssIncreaseMb: mb(peakBytes - rssAtMark), rssAtMarkMb: mb(rssAtMark) } });
    } else if (m.cmd === "stop") {
      await stop();
      process.exit(0);
    }
  });
  send({ ready: url });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
