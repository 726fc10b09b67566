// StateStore on Azure Blob Storage: one block blob per document (<ns>/<key>.json) in one
// container, shared by every bot instance. Concurrency is the blob's ETag: create is
// If-None-Match: *, replace is If-Match: <etag>; a 409/412 is a StateConflictError and
// the caller reads again (updateState). Tested against Azurite (test/state).
import { RestError, type ContainerClient } from "@azure/storage-blob";
import { checkName, StateConflictError, StateStoreError, type StateEntry, type StateStore } from "./store";

export class BlobStateStore implements StateStore {
  readonly kind = "blob" as const;
  private ready: Promise<void> | undefined;

  constructor(private readonly container: ContainerClient) {}

  /** creates the container on first use (cached; retried after a failure) */
  private ensure(): Promise<void> {
    this.ready ??= this.container
      .createIfNotExists()
      .then(() => undefined)
      .catch((e) => {
        this.ready = undefined;
        throw wrap(e);
      });
    return this.ready;
  }

  private blob(ns: string, key: string) {
    checkName("namespace", ns);
    checkName("key", key);
    return this.container.getBlockBlobClient(`${ns}/${key}.json`);
  }

  /** the body and its ETag from one download */
  async get<T>(ns: string, key: string): Promise<StateEntry<T> | undefined> {
    const b = this.blob(ns, key);
    await this.ensure();
    try {
      const r = await b.download(0);
      const body = await streamToString(r.readableStreamBody);
      return { value: JSON.parse(body) as T, etag: r.etag ?? "" };
    } catch (e) {
      if (isStatus(e, 404)) return undefined;
      throw wrap(e);
    }
  }

  async create<T>(ns: string, key: string, value: T): Promise<string> {
    return this.upload(ns, key, value, { ifNoneMatch: "*" });
  }

  async replace<T>(ns: string, key: string, value: T, etag: string): Promise<string> {
    return this.upload(ns, key, value, { ifMatch: etag });
  }

  async put<T>(ns: string, key: string, value: T): Promise<string> {
    return this.upload(ns, key, value, {});
  }

  async delete(ns: string, key: string, etag?: string): Promise<boolean> {
    const b = this.blob(ns, key);
    await this.ensure();
    try {
      await b.delete({ conditions: etag ? { ifMatch: etag } : {} });
      return true;
    } catch (e) {
      if (isStatus(e, 404) || isStatus(e, 412)) return false;
      throw wrap(e);
    }
  }

  async keys(ns: string): Promise<string[]> {
    return (await this.list(ns)).map((e) => e.key);
  }

  async list(ns: string): Promise<{ key: string; modifiedAt: number }[]> {
    checkName("namespace", ns);
    await this.ensure();
    const out: { key: string; modifiedAt: number }[] = [];
    try {
      for await (const item of this.container.listBlobsFlat({ prefix: `${ns}/` })) {
        const rest = item.name.slice(ns.length + 1);
        if (rest.endsWith(".json") && !rest.includes("/")) out.push({ key: rest.slice(0, -5), modifiedAt: item.properties.lastModified.getTime() });
      }
    } catch (e) {
      throw wrap(e);
    }
    return out;
  }

  private async upload<T>(ns: string, key: string, value: T, conditions: { ifMatch?: string; ifNoneMatch?: string }): Promise<string> {
    const b = this.blob(ns, key);
    await this.ensure();
    const body = Buffer.from(JSON.stringify(value), "utf8");
    try {
      const r = await b.upload(body, body.length, { conditions, blobHTTPHeaders: { blobContentType: "application/json" } });
      return r.etag ?? "";
    } catch (e) {
      // 412: the ETag no longer matches; 409: it exists (If-None-Match: *); 404 on If-Match: it is gone
      if (isStatus(e, 412) || isStatus(e, 409) || (conditions.ifMatch && isStatus(e, 404))) throw new StateConflictError(`${ns}/${key}: ${(e as Error).message.split("\n")[0]}`);
      throw wrap(e);
    }
  }
}

function isStatus(e: unknown, status: number): boolean {
  return e instanceof RestError ? e.statusCode === status : (e as { statusCode?: number }).statusCode === status;
}

function wrap(e: unknown): StateStoreError {
  if (e instanceof StateStoreError || e instanceof StateConflictError) return e as StateStoreError;
  const status = (e as { statusCode?: number }).statusCode ?? 0;
  const code = (e as { code?: string }).code ?? (status ? `http_${status}` : "network");
  const retryable = status === 0 || status === 408 || status === 429 || status >= 500;
  return new StateStoreError(`blob state: ${(e instanceof Error ? e.message : String(e)).split("\n")[0].slice(0, 300)}`, code, retryable, { cause: e });
}

async function streamToString(s: NodeJS.ReadableStream | undefined): Promise<string> {
  if (!s) return "";
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(typeof c === "string" ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}
