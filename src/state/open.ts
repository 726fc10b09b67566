// Opens the configured StateStore: SQLite under DATA_DIR, or a Blob container.
import * as path from "node:path";
import type { Config } from "../config";
import { openDatabase } from "../storage/sqlite";
import { SqliteStateStore } from "./sqlite-state";
import { SETTINGS_NAMESPACE } from "./conversations";
import type { StateStore } from "./store";

export function openStateStore(config: Config): StateStore {
  if (config.state.kind === "blob") {
    if (!config.state.connectionString) throw new Error("STATE_STORE=blob needs AZURE_STORAGE_CONNECTION_STRING (see .env.example)");
    // loaded only for Blob state: the Azure SDK is a sizeable part of a cold start otherwise
    const { BlobServiceClient } = require("@azure/storage-blob") as typeof import("@azure/storage-blob");
    const { BlobStateStore } = require("./blob-state") as typeof import("./blob-state");
    // a store that does not answer must not hold a turn for the SDK's default minutes of retries
    const service = BlobServiceClient.fromConnectionString(config.state.connectionString, {
      retryOptions: { maxTries: 3, tryTimeoutInMs: config.state.timeoutMs, retryDelayInMs: 200, maxRetryDelayInMs: 1000 },
    });
    return new BlobStateStore(service.getContainerClient(config.state.container));
  }
  // a user's language or a conversation's pack is not worth an fsync per change; approvals and secrets are
  return new SqliteStateStore(openDatabase(path.join(config.dataDir, "state.sqlite")), true, { relaxed: [SETTINGS_NAMESPACE] });
}
