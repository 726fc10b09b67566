// `npm run package`: appPackage/ -> appPackage/build/policybot.zip (manifest.json,
// its localization files and both icons at the zip root), with the ${{NAME}}
// placeholders filled from config (MICROSOFT_APP_ID, TEAMS_APP_ID, BOT_DOMAIN).
import * as fs from "node:fs";
import * as path from "node:path";
import { ZipFile } from "yazl";
import { loadConfig, type Config } from "../src/config";
import { projectRoot } from "../src/project-root";

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
/** fixed entry time so the same input gives the same zip */
const MTIME = new Date("2026-01-01T00:00:00Z");

export class PackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackageError";
  }
}

export function placeholderValues(config: Config, version: string): Record<string, string> {
  const missing: string[] = [];
  if (!config.bot.appId) missing.push("MICROSOFT_APP_ID (the bot's Microsoft Entra app id, from its Azure Bot registration)");
  if (!config.teamsApp.botDomain) missing.push("BOT_DOMAIN (the bot's public host name, e.g. policybot.example.se)");
  if (missing.length) throw new PackageError(`cannot build the Teams app package; set in .env or the environment:\n  ${missing.join("\n  ")}`);
  for (const [name, v] of [["MICROSOFT_APP_ID", config.bot.appId], ["TEAMS_APP_ID", config.teamsApp.appId]]) {
    if (!GUID.test(v)) throw new PackageError(`${name} must be a GUID, got "${v}"`);
  }
  return { BOT_ID: config.bot.appId, TEAMS_APP_ID: config.teamsApp.appId, BOT_DOMAIN: config.teamsApp.botDomain, APP_VERSION: version };
}

/** replaces every ${{NAME}}; an unknown name is an error, not a silent blank */
export function fillPlaceholders(text: string, values: Record<string, string>): string {
  return text.replace(/\$\{\{(\w+)\}\}/g, (_m, name: string) => {
    const v = values[name];
    if (v === undefined) throw new PackageError(`unknown placeholder \${{${name}}} in the app package`);
    return v;
  });
}

export interface PackageResult {
  file: string;
  entries: string[];
}

export async function buildAppPackage(config: Config, outFile: string, srcDir = path.join(projectRoot(), "appPackage")): Promise<PackageResult> {
  const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot(), "package.json"), "utf8")) as { version: string };
  const values = placeholderValues(config, pkg.version);
  const manifestText = fillPlaceholders(fs.readFileSync(path.join(srcDir, "manifest.json"), "utf8"), values);
  const manifest = JSON.parse(manifestText) as { icons: { color: string; outline: string }; localizationInfo?: { additionalLanguages?: Array<{ file: string }> } };
  const localized = (manifest.localizationInfo?.additionalLanguages ?? []).map((l) => l.file);

  const zip = new ZipFile();
  const entries: string[] = [];
  const add = (name: string, data: Buffer) => {
    zip.addBuffer(data, name, { mtime: MTIME });
    entries.push(name);
  };
  add("manifest.json", Buffer.from(manifestText, "utf8"));
  for (const f of localized) add(f, Buffer.from(fillPlaceholders(fs.readFileSync(path.join(srcDir, f), "utf8"), values), "utf8"));
  for (const f of [manifest.icons.color, manifest.icons.outline]) add(f, fs.readFileSync(path.join(srcDir, f)));
  zip.end();

  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  await new Promise<void>((resolve, reject) => {
    const out = fs.createWriteStream(outFile);
    zip.outputStream.pipe(out).on("close", () => resolve()).on("error", reject);
  });
  return { file: outFile, entries };
}

/** reads .env (if any) into the environment; variables already set win */
function loadDotEnv(): void {
  const file = path.join(projectRoot(), ".env");
  if (fs.existsSync(file)) process.loadEnvFile(file);
}

if (require.main === module) {
  loadDotEnv();
  const out = path.join(projectRoot(), "appPackage", "build", "policybot.zip");
  buildAppPackage(loadConfig(), out).then(
    (r) => process.stdout.write(`wrote ${path.relative(process.cwd(), r.file)} (${r.entries.join(", ")})\n`),
    (err: Error) => {
      process.stderr.write(`package: ${err.message}\n`);
      process.exit(1);
    },
  );
}
