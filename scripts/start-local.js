#!/usr/bin/env node
// `npm start`: the bot on its embedded defaults plus the Microsoft 365 Agents
// Playground, so a newcomer can chat with Policybot in the browser within a minute.
// Ctrl-C stops both. Plain JS: it runs after `npm run build`, from dist/.
"use strict";
const { spawn } = require("node:child_process");
const path = require("node:path");
const os = require("node:os");

const root = path.resolve(__dirname, "..");
const botPort = Number(process.env.PORT || 3978);
const playgroundPort = Number(process.env.PLAYGROUND_PORT || 56150);
// a second Playground whose user is Megan Bowen, Alex Wilber's manager: approvals can be decided locally
const managerPort = playgroundPort + 1;
const botEndpoint = `http://127.0.0.1:${botPort}/api/messages`;
const children = [];

function start(name, args, env) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = (line) => (line ? `[${name}] ${line}\n` : "");
  child.stdout.on("data", (d) => process.stdout.write(String(d).split("\n").map(prefix).join("")));
  child.stderr.on("data", (d) => process.stderr.write(String(d).split("\n").map(prefix).join("")));
  child.on("exit", (code, signal) => {
    if (!stopping) {
      process.stderr.write(`[${name}] exited (${signal || code}); stopping\n`);
      stop(code || 1);
    }
  });
  children.push(child);
  return child;
}

async function waitForHealth(url, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no answer from ${url} within ${ms} ms`);
}

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
  setTimeout(() => process.exit(code), 500).unref();
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : null))).then(() => process.exit(code));
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

async function main() {
  // the local setup never authenticates: an app id in .env would make the bot demand tokens
  start("bot", ["--no-deprecation", path.join(root, "dist", "src", "index.js")], { PORT: String(botPort), MICROSOFT_APP_ID: "", MICROSOFT_APP_PASSWORD: "" });
  await waitForHealth(`http://127.0.0.1:${botPort}/healthz`, 20000);

  const cli = require.resolve("@microsoft/m365agentsplayground/cli.js", { paths: [root] });
  const playgroundEnv = (name, config) => ({
    // print the address instead of opening a browser; keep its log file out of the repository
    TEAMSAPPTESTER_BROWSER: process.env.TEAMSAPPTESTER_BROWSER || "none",
    // --disable-telemetry leaves the Application Insights SDK's own statsbeat on: it probes
    // 169.254.169.254 and posts to *.in.applicationinsights.azure.com (seen by the tests' network guard)
    APPLICATION_INSIGHTS_NO_STATSBEAT: "true",
    M365_AGENTS_PLAYGROUND_LOGFILE: path.join(os.tmpdir(), `policybot-${name}.log`),
    ...(config ? { M365_AGENTS_PLAYGROUND_CONFIG_PATH: config } : {}),
  });
  const playground = (name, port, config) => start(name, [cli, "start", "-e", botEndpoint, "-c", "msteams", "-p", String(port), "--disable-telemetry"], playgroundEnv(name, config));
  playground("playground", playgroundPort);
  playground("manager", managerPort, path.join(root, "infra", "playground", "megan-bowen.yml"));
  await Promise.all([waitForHealth(`http://127.0.0.1:${playgroundPort}/`, 30000), waitForHealth(`http://127.0.0.1:${managerPort}/`, 30000)]);
  process.stdout.write(
    `\n  Policybot is running. Open http://localhost:${playgroundPort} (you are Alex Wilber) and ask, e.g. "Får jag använda ChatGPT med personuppgifter?"\n` +
      `  As Megan Bowen, his manager, who decides his requests for AI tools: http://localhost:${managerPort} (open it before the request)\n` +
      `  Bot endpoint: ${botEndpoint}   Stop with Ctrl-C.\n\n`,
  );
}

main().catch((err) => {
  process.stderr.write(`start-local: ${err.message}\n`);
  stop(1);
});
