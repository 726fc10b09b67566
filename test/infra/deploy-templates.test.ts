// The Agents Toolkit project and its Bicep template against the code: every setting the
// server reads comes from the template or is left at its default on purpose; parameters,
// environment files and toolkit actions agree; the production start is the server alone.
// No Bicep compiler can run here: infra/azure.bicep is read as text (test/support/deploy-files).
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { loadConfig, refuseDemoInProduction } from "../../src/config";
import { projectRoot } from "../../src/project-root";
import { bracketsBalance, placeholders, readBicep, readEnvFile, readYaml, type Bicep } from "../support/deploy-files";
import { rules, shippedFiles } from "../support/webappignore";

const root = projectRoot();
const file = (...p: string[]) => path.join(root, ...p);

/**
 * Settings src/config.ts reads that the template leaves at their defaults in production,
 * each with why. A key is either here or set in infra/azure.bicep's app settings, never both.
 */
const LEFT_AT_DEFAULT: Record<string, string> = {
  TAB_HOST_ORIGINS: "Teams and Microsoft 365 hosts are allowed without it; another host is an organisation's own choice",
  PORT: "App Service sets PORT for the Node container and forwards to it",
  HOST: "0.0.0.0 once an app id is set: App Service's front end reaches the container",
  WEBSITE_SITE_NAME: "set by App Service itself; marks a production host",
  MAX_REQUESTS_IN_FLIGHT: "200 per instance bounds memory and sockets",
  SHUTDOWN_TIMEOUT_S: "20 s for turns in flight and one outbox pass; App Service waits longer before it kills the container",
  REQUEST_BODY_TIMEOUT_MS: "10 s for a body: Teams posts a whole activity at once",
  ALLOWED_TENANT_IDS: "the app's own tenant (MICROSOFT_APP_TENANT_ID, a SingleTenant app)",
  RATE_LIMIT_PER_USER: "30 activities a minute per user and instance",
  RATE_LIMIT_PER_TENANT: "6000 activities a minute per tenant and instance",
  RATE_LIMIT_WINDOW_S: "one minute",
  BOT_OPENID_METADATA_URL: "public cloud: botbuilder's own value",
  BOT_TOKEN_ISSUER: "public cloud: botbuilder's own value",
  BOT_LOGIN_URL: "public cloud: the app's tenant (SingleTenant)",
  BOT_OAUTH_SCOPE: "public cloud: botbuilder's own value",
  BOT_CONNECTOR_TIMEOUT_MS: "10 s per connector call",
  BOT_CONNECTOR_MAX_RETRIES: "2 repeats of what the connector cannot have acted on",
  BOT_CONNECTOR_MAX_RETRY_WAIT_MS: "3 s; a longer Retry-After leaves the notice in the outbox",
  BOT_AUTH_TIMEOUT_MS: "10 s per OpenID or token fetch",
  BOT_DOMAIN: "only `npm run package` reads it; the toolkit packages the app from env/.env.dev (arm/deploy's BOT_DOMAIN)",
  POLICY_DIR: "an organisation's own pack is deployed under policies/ and named by POLICY_PACK",
  LOG_PRETTY: "JSON logs for Log Analytics (pino-pretty is not installed in production)",
  REVIEW_FILE_MAX_MB: "10 MB per attachment",
  REVIEW_DOWNLOAD_TIMEOUT_MS: "15 s per attachment",
  IMAGE_MAX_MB: "25 MB per image",
  IMAGE_COPY_MAX_KB: "the labelled copy fits a Teams message (18 KB)",
  INCIDENT_OUTBOX_INTERVAL_S: "60 s between retries of reports SharePoint has not taken",
  DELIVERY_RETRY_INTERVAL_S: "30 s between retries of undelivered notices and cards",
  DELIVERY_LEASE_S: "120 s before a crashed attempt is taken over",
  INCIDENT_OUTBOX_LEASE_S: "300 s before another instance takes over a report whose filing died",
  STATE_TIMEOUT_MS: "5 s per Blob request, three tries",
  GRAPH_TENANT_ID: "the bot's own app calls Graph: MICROSOFT_APP_TENANT_ID",
  GRAPH_CLIENT_ID: "the bot's own app calls Graph: MICROSOFT_APP_ID",
  GRAPH_CLIENT_CERT_PATH: "the secret from Key Vault is used (GRAPH_CLIENT_SECRET); a certificate needs a PEM file on disk",
  GRAPH_BASE_URL: "public cloud",
  GRAPH_AUTHORITY_HOST: "public cloud",
  GRAPH_TIMEOUT_MS: "10 s per Graph request",
  GRAPH_RETRY_BUDGET_MS: "8 s of retries before the outbox takes over",
  SHAREPOINT_INCIDENTS_LIST: "the list provision:sharepoint creates (AI-incidenter)",
  SHAREPOINT_APPROVALS_LIST: "the list provision:sharepoint creates (AI-godkännanden)",
  SHAREPOINT_REST_URL: "tests only",
  DIRECTORY_FILE: "DIRECTORY=graph in production",
  APPROVAL_REMIND_DAYS: "3 days",
  APPROVAL_ESCALATE_DAYS: "7 days",
  APPROVAL_EXPIRE_DAYS: "30 days",
  APPROVAL_REMINDER_INTERVAL_S: "hourly",
};

/** app settings for App Service and its build, not for src/config.ts */
const PLATFORM_SETTINGS = new Set(["SCM_DO_BUILD_DURING_DEPLOYMENT", "CUSTOM_BUILD_COMMAND"]);

/** the Microsoft 365 Agents Toolkit actions used here, as the v1.11 YAML schema names them */
const TOOLKIT_ACTIONS = new Set([
  "teamsApp/create",
  "teamsApp/validateManifest",
  "teamsApp/zipAppPackage",
  "teamsApp/validateAppPackage",
  "teamsApp/update",
  "teamsApp/publishAppPackage",
  "aadApp/create",
  "aadApp/update",
  "botFramework/create",
  "arm/deploy",
  "azureAppService/zipDeploy",
  "cli/runNpmCommand",
  "file/createOrUpdateEnvironmentFile",
]);

const configKeys = [...fs.readFileSync(file("src", "config.ts"), "utf8").matchAll(/^\s+([A-Z][A-Z0-9_]+): (?:z\.|bool)/gm)].map((m) => m[1]);

interface Action {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface Project {
  version: string;
  environmentFolderPath?: string;
  provision?: Action[];
  deploy?: Action[];
  publish?: Action[];
}

/** a Bicep value written as a plain string literal ('…' without interpolation), or undefined */
function literal(expr: string): string | undefined {
  const m = /^'([^'$]*)'$/.exec(expr);
  return m ? m[1] : undefined;
}

describe("deployment templates (infra/azure.bicep, azure.parameters.json, m365agents*.yml, env/)", () => {
  let bicep: Bicep;
  let parameters: Record<string, { value: unknown }>;
  before(() => {
    bicep = readBicep(file("infra", "azure.bicep"));
    parameters = (JSON.parse(fs.readFileSync(file("infra", "azure.parameters.json"), "utf8")) as { parameters: Record<string, { value: unknown }> }).parameters;
  });

  describe("settings", () => {
    it("every key src/config.ts reads is in .env.example", () => {
      const example = fs.readFileSync(file(".env.example"), "utf8");
      assert.ok(configKeys.length >= 60, `found the config keys (${configKeys.length})`);
      for (const k of configKeys) assert.match(example, new RegExp(`^${k}=`, "m"), `${k} is missing from .env.example`);
    });

    it("every key is set by the template's app settings or left at its default on purpose, not both", () => {
      for (const k of configKeys) {
        const set = bicep.appSettings.has(k);
        const left = Object.hasOwn(LEFT_AT_DEFAULT, k);
        assert.ok(set || left, `${k}: neither set in infra/azure.bicep nor in LEFT_AT_DEFAULT`);
        assert.ok(!(set && left), `${k}: set in infra/azure.bicep and listed in LEFT_AT_DEFAULT`);
      }
      for (const k of Object.keys(LEFT_AT_DEFAULT)) assert.ok(configKeys.includes(k), `LEFT_AT_DEFAULT names ${k}, which src/config.ts does not read`);
    });

    it("every app setting the template sets is read by src/config.ts or by the platform (no misspelt names)", () => {
      for (const k of bicep.appSettings.keys()) assert.ok(configKeys.includes(k) || PLATFORM_SETTINGS.has(k), `app setting ${k} is read by nothing`);
    });

    it("the fixed production values are accepted by src/config.ts, and a production host with them serves", () => {
      const env: Record<string, string> = {};
      for (const [k, v] of bicep.appSettings) {
        const lit = literal(v) ?? (bicep.vars.has(v) ? literal(bicep.vars.get(v)!) : undefined);
        if (lit !== undefined && configKeys.includes(k)) env[k] = lit;
      }
      assert.equal(env.NODE_ENV, "production");
      const config = loadConfig({ ...env, MICROSOFT_APP_ID: "11111111-2222-3333-4444-555555555555" });
      assert.equal(config.productionHost, "NODE_ENV=production");
      assert.equal(config.state.kind, "blob");
      assert.equal(config.incidents.store, "sharepoint");
      assert.equal(config.approvals.store, "sharepoint");
      assert.equal(config.directory.kind, "graph");
      assert.equal(config.bot.appType, "SingleTenant");
      assert.doesNotThrow(() => refuseDemoInProduction(config));
      // the same host without an app id refuses to start
      assert.throws(() => refuseDemoInProduction(loadConfig(env)), /refusing to start/);
    });

    it("secrets come from Key Vault references, never from a parameter or a literal", () => {
      const secretRef = /^'@Microsoft\.KeyVault\(SecretUri=\$\{(\w+)\.properties\.secretUri\}\)'$/;
      for (const k of ["MICROSOFT_APP_PASSWORD", "GRAPH_CLIENT_SECRET", "AZURE_STORAGE_CONNECTION_STRING"]) {
        const v = bicep.appSettings.get(k)!;
        const expr = bicep.vars.get(v) ?? v;
        const m = secretRef.exec(expr);
        assert.ok(m, `${k} = ${v}: not a Key Vault reference`);
        assert.equal(bicep.resources.find((r) => r.symbol === m[1])?.type, "Microsoft.KeyVault/vaults/secrets", `${k} refers to a Key Vault secret`);
      }
      for (const p of bicep.params.values()) {
        if (p.secure) assert.match(String(parameters[p.name]?.value), /^\$\{\{SECRET_[A-Z0-9_]+\}\}$/, `${p.name}: a secure parameter takes a SECRET_ variable only`);
      }
      assert.ok(/keyVaultReferenceIdentity:\s*identity\.id/.test(bicep.text), "the user-assigned identity reads the references");
    });
  });

  describe("infra/azure.bicep (read as text: no Bicep compiler runs here)", () => {
    it("brackets balance outside strings and comments", () => {
      assert.ok(bracketsBalance(bicep.text));
    });

    it("declares the resources a deployment needs", () => {
      const types = new Set(bicep.resources.map((r) => r.type));
      for (const t of [
        "Microsoft.Web/serverfarms",
        "Microsoft.Web/sites",
        "Microsoft.BotService/botServices",
        "Microsoft.BotService/botServices/channels",
        "Microsoft.ManagedIdentity/userAssignedIdentities",
        "Microsoft.Storage/storageAccounts",
        "Microsoft.Storage/storageAccounts/blobServices/containers",
        "Microsoft.KeyVault/vaults",
        "Microsoft.KeyVault/vaults/secrets",
        "Microsoft.Authorization/roleAssignments",
        "Microsoft.Insights/components",
        "Microsoft.OperationalInsights/workspaces",
      ]) {
        assert.ok(types.has(t), `no ${t}`);
      }
      const channel = bicep.resources.find((r) => r.type === "Microsoft.BotService/botServices/channels")!;
      assert.match(channel.body, /name: 'MsTeamsChannel'/);
      assert.match(channel.body, /channelName: 'MsTeamsChannel'/);
      const plan = bicep.resources.find((r) => r.type === "Microsoft.Web/serverfarms")!;
      assert.match(plan.body, /reserved: true/, "a Linux plan");
      const container = bicep.resources.find((r) => r.type === "Microsoft.Storage/storageAccounts/blobServices/containers")!;
      assert.match(container.body, new RegExp(`name: ${bicep.appSettings.get("STATE_BLOB_CONTAINER")}\\b`), "STATE_BLOB_CONTAINER is the container the template creates");
    });

    it("runs Node 22 LTS on Linux with the server alone: package.json's start:prod, never npm start or the Playground", () => {
      assert.equal(bicep.siteConfig("linuxFxVersion"), "'NODE|22-lts'");
      const pkg = JSON.parse(fs.readFileSync(file("package.json"), "utf8")) as { scripts: Record<string, string>; engines: { node: string } };
      const start = literal(bicep.siteConfig("appCommandLine") ?? "");
      assert.equal(start, pkg.scripts["start:prod"]);
      assert.match(String(start), /^node (--[a-z-]+=\d+ )*dist\/src\/index\.js$/, "node, V8 heap flags at most, the entry");
      assert.doesNotMatch(String(start), /npm|start-local|playground/i);
      assert.match(pkg.scripts.start, /start-local/, "npm start stays the local demo");
      assert.match(pkg.engines.node, /\^22\b/, "engines admit Node 22");
      assert.equal(literal(bicep.siteConfig("healthCheckPath") ?? ""), "/readyz");
    });

    it("every declared parameter has a value in azure.parameters.json or a default, and the file declares nothing else", () => {
      assert.ok(bicep.params.size >= 10, `found the parameters (${[...bicep.params.keys()].join(", ")})`);
      for (const p of bicep.params.values()) assert.ok(p.default !== undefined || Object.hasOwn(parameters, p.name), `${p.name} has no value and no default`);
      for (const name of Object.keys(parameters)) assert.ok(bicep.params.has(name), `azure.parameters.json sets ${name}, which azure.bicep does not declare`);
    });

    it("every parameter is used, and every output is upper case (the toolkit writes outputs to the environment)", () => {
      for (const name of bicep.params.keys()) {
        const uses = bicep.text.match(new RegExp(`\\b${name}\\b`, "g"))?.length ?? 0;
        assert.ok(uses >= 2, `parameter ${name} is declared but not used`);
      }
      for (const o of bicep.outputs) assert.match(o, /^[A-Z][A-Z0-9_]*$/);
    });
  });

  describe("the Agents Toolkit project", () => {
    const projects = [
      { yml: "m365agents.yml", env: "dev" },
      { yml: "m365agents.local.yml", env: "local" },
      { yml: "m365agents.playground.yml", env: "playground" },
    ];

    for (const { yml, env } of projects) {
      it(`${yml} parses, uses documented actions and names files that exist`, () => {
        const p = readYaml(file(yml)) as Project;
        assert.equal(p.version, "v1.11");
        assert.ok(fs.existsSync(file("env", `.env.${env}`)), `env/.env.${env}`);
        const actions = [...(p.provision ?? []), ...(p.deploy ?? []), ...(p.publish ?? [])];
        assert.ok(actions.length > 0);
        for (const a of actions) {
          assert.ok(TOOLKIT_ACTIONS.has(a.uses), `${yml}: unknown action ${a.uses}`);
          for (const key of ["manifestPath", "ignoreFile", "artifactFolder"]) {
            const v = a.with?.[key];
            if (typeof v === "string") assert.ok(fs.existsSync(file(v)), `${yml}: ${a.uses} ${key} ${v} does not exist`);
          }
          for (const t of (a.with?.templates as Array<{ path: string; parameters: string }> | undefined) ?? []) {
            assert.ok(fs.existsSync(file(t.path)), t.path);
            assert.ok(fs.existsSync(file(t.parameters)), t.parameters);
          }
        }
      });

      it(`${yml}: every \${{VARIABLE}} is in env/.env.${env} or written by an action before it`, () => {
        const p = readYaml(file(yml)) as Project;
        const known = new Set(readEnvFile(file("env", `.env.${env}`)).keys());
        const missing: string[] = [];
        const check = (where: string, text: string) => {
          for (const v of placeholders(text)) if (!known.has(v)) missing.push(`${where}: ${v}`);
        };
        for (const stage of ["provision", "deploy", "publish"] as const) {
          for (const a of p[stage] ?? []) {
            check(`${stage} ${a.uses}`, JSON.stringify(a.with ?? {}));
            // files the action fills in
            const w = a.with ?? {};
            if (a.uses === "teamsApp/zipAppPackage" || a.uses === "teamsApp/validateManifest") {
              check("appPackage/manifest.json", fs.readFileSync(file(String(w.manifestPath)), "utf8"));
              check("appPackage/en.json", fs.readFileSync(file("appPackage", "en.json"), "utf8"));
            }
            if (a.uses === "aadApp/update") check(String(w.manifestPath), fs.readFileSync(file(String(w.manifestPath)), "utf8"));
            for (const t of (w.templates as Array<{ parameters: string }> | undefined) ?? []) check(t.parameters, fs.readFileSync(file(t.parameters), "utf8"));
            for (const v of Object.values(a.writeToEnvironmentFile ?? {})) known.add(v);
            if (a.uses === "arm/deploy") for (const o of bicep.outputs) known.add(o);
          }
        }
        assert.deepEqual(missing, []);
      });
    }

    it("m365agents.yml: provision, deploy and publish in order, deploying to the App Service the template makes", () => {
      const p = readYaml(file("m365agents.yml")) as Project;
      const uses = (stage: Action[] | undefined) => (stage ?? []).map((a) => a.uses);
      const prov = uses(p.provision);
      for (const a of ["teamsApp/create", "aadApp/create", "aadApp/update", "arm/deploy", "teamsApp/validateManifest", "teamsApp/zipAppPackage", "teamsApp/update"]) assert.ok(prov.includes(a), `provision has ${a}`);
      assert.ok(prov.indexOf("aadApp/create") < prov.indexOf("arm/deploy"), "the Entra app exists before the template needs its id");
      assert.ok(prov.indexOf("arm/deploy") < prov.indexOf("teamsApp/zipAppPackage"), "the package gets the bot's domain from the template");
      const deploy = (p.deploy ?? []).find((a) => a.uses === "azureAppService/zipDeploy")!;
      assert.equal(deploy.with?.resourceId, "${{BOT_AZURE_APP_SERVICE_RESOURCE_ID}}");
      assert.ok(bicep.outputs.includes("BOT_AZURE_APP_SERVICE_RESOURCE_ID"));
      assert.ok(uses(p.publish).includes("teamsApp/publishAppPackage"));
    });

    it("the values env/.env.dev fills in fit the template's parameter rules", () => {
      const env = readEnvFile(file("env", ".env.dev"));
      for (const [name, { value }] of Object.entries(parameters)) {
        const text = String(value);
        const vars = placeholders(text);
        if (vars.some((v) => !env.get(v))) continue; // written later by the toolkit
        const resolved = text.replace(/\$\{\{(\w+)\}\}/g, (_m, v: string) => env.get(v)!);
        const p = bicep.params.get(name)!;
        if (p.allowed) assert.ok(p.allowed.includes(resolved), `${name}=${resolved} not in ${p.allowed.join(", ")}`);
        if (p.minLength !== undefined) assert.ok(resolved.length >= p.minLength, `${name}=${resolved} shorter than ${p.minLength}`);
        if (p.maxLength !== undefined) assert.ok(resolved.length <= p.maxLength, `${name}=${resolved} longer than ${p.maxLength}`);
      }
      const pack = env.get("POLICY_PACK")!;
      assert.ok(fs.existsSync(file("policies", pack, "policy.md")), `POLICY_PACK=${pack} is a pack under policies/`);
    });

    it("the manifest version in env/ is package.json's", () => {
      const version = (JSON.parse(fs.readFileSync(file("package.json"), "utf8")) as { version: string }).version;
      for (const env of ["dev", "local"]) assert.equal(readEnvFile(file("env", `.env.${env}`)).get("APP_VERSION"), version, `env/.env.${env}`);
    });

    it("the Entra app asks Graph for the permissions the README explains", () => {
      const aad = JSON.parse(fs.readFileSync(file("infra", "aad.manifest.json"), "utf8")) as { requiredResourceAccess: Array<{ resourceAppId: string; resourceAccess: Array<{ id: string; type: string }> }> };
      const graph = aad.requiredResourceAccess.find((r) => r.resourceAppId === "Microsoft Graph")!;
      const readme = fs.readFileSync(file("README.md"), "utf8");
      const section = readme.slice(readme.indexOf("## Deploy to your tenant"));
      assert.ok(section.length > 1000, "README has a section 'Deploy to your tenant'");
      for (const p of graph.resourceAccess) assert.ok(section.includes(`\`${p.id}\``), `README explains ${p.id}`);
      const of = (type: string) => graph.resourceAccess.filter((p) => p.type === type).map((p) => p.id).sort();
      assert.deepEqual(of("Role"), ["AppCatalog.Read.All", "Sites.Selected", "TeamsAppInstallation.ReadWriteSelfForUser.All", "User.Read.All"]);
      // the tab's admin-group check, as the signed-in user (on-behalf-of)
      assert.deepEqual(of("Scope"), ["GroupMember.Read.All"]);
    });
  });

  describe(".webappignore (what atk deploy uploads)", () => {
    it("anchors every rule at the project root", () => {
      assert.doesNotThrow(() => rules(fs.readFileSync(file(".webappignore"), "utf8")));
      assert.throws(() => rules("src\n"), /not anchored/);
    });

    it("uploads the built server, the packs and the lock file; never sources, tests, env files or a developer's .env", () => {
      const files = shippedFiles(root);
      for (const must of ["dist/src/index.js", "dist/src/locales/sv/bot.json", "policies/soderkoping/policy.md", "package.json", "package-lock.json", "scripts/link-bin.js", "bin/policybot.js"]) {
        assert.ok(files.includes(must), `${must} is uploaded`);
      }
      for (const f of files) assert.doesNotMatch(f, /^(src|test|bench|infra|env|appPackage|node_modules)\/|^dist\/(test|bench)\/|^\.env/, `${f} is uploaded`);
    });
  });
});
