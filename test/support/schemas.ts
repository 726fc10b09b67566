// Validators for the published schemas copied into test/schemas/.
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { projectRoot } from "../../src/project-root";

const schemaDir = path.join(projectRoot(), "test", "schemas");

function readSchema(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(schemaDir, file), "utf8")) as Record<string, unknown>;
}

let cardValidator: ValidateFunction | undefined;
let manifestValidator: ValidateFunction | undefined;

/** Adaptive Cards 1.5 (declares draft-06, but names its id the draft-04 way: "id", which ajv 8 rejects). */
export function adaptiveCardValidator(): ValidateFunction {
  if (!cardValidator) {
    const { id, ...schema } = readSchema("adaptive-card.1.5.0.json");
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json"));
    addFormats(ajv);
    cardValidator = ajv.compile({ ...schema, $id: String(id) });
  }
  return cardValidator;
}

/** Teams app manifest 1.29 (draft-04). */
export function teamsManifestValidator(): ValidateFunction {
  if (!manifestValidator) {
    const ajv = new AjvDraft04({ strict: false, allErrors: true });
    addFormats(ajv);
    manifestValidator = ajv.compile(readSchema("MicrosoftTeams.v1.29.schema.json"));
  }
  return manifestValidator;
}

/** Teams' limit on a message with a card (issue 14: every card stays under it) */
export const MAX_TEAMS_CARD_BYTES = 28 * 1024;

/** throws with the schema errors listed, so a failing test says what is wrong; a card over Teams' 28 KB fails too */
export function assertValid(validate: ValidateFunction, value: unknown, what: string): void {
  if (validate === cardValidator) {
    const bytes = Buffer.byteLength(JSON.stringify(value), "utf8");
    if (bytes > MAX_TEAMS_CARD_BYTES) throw new Error(`${what} is ${bytes} bytes: Teams takes at most ${MAX_TEAMS_CARD_BYTES}`);
  }
  if (validate(value)) return;
  const errs = (validate.errors ?? []).slice(0, 8).map((e) => `  ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
  throw new Error(`${what} does not match its schema:\n${errs.join("\n")}`);
}
