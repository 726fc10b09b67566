// Starts Azurite's blob service (npm devDependency) on a free port with a temp folder,
// for the Blob adapter's tests; stop() kills it and removes the folder.
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { projectRoot } from "../../src/project-root";

/** Azurite's well-known development account (public, documented) */
const ACCOUNT = "devstoreaccount1";
const KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

export interface Azurite {
  connectionString: string;
  /** stops the server and keeps its data (an outage) */
  pause(): Promise<void>;
  /** starts it again on the same port with the same data */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function spawnAzurite(port: number, dir: string): Promise<ChildProcess> {
  const main = path.join(projectRoot(), "node_modules", "azurite", "dist", "src", "blob", "main.js");
  const child: ChildProcess = spawn(process.execPath, [main, "--blobHost", "127.0.0.1", "--blobPort", String(port), "--location", dir, "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  return new Promise<ChildProcess>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`azurite did not start: ${log}`)), 15_000);
    const check = () => {
      if (/successfully listens/.test(log)) return clearTimeout(timer), resolve(child);
      if (child.exitCode !== null) return clearTimeout(timer), reject(new Error(`azurite exited: ${log}`));
      setTimeout(check, 50);
    };
    check();
  });
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
  if (child.exitCode === null && child.signalCode === null) {
    child.kill("SIGKILL");
    await exited;
  }
}

export async function startAzurite(): Promise<Azurite> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "policybot-azurite-"));
  let child = await spawnAzurite(port, dir);
  return {
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};BlobEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`,
    pause: () => kill(child),
    async resume() {
      child = await spawnAzurite(port, dir);
    },
    async stop() {
      await kill(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
