// The directory from a JSON file: the embedded default, for local runs and tests.
// The sample (infra/directory/sample-directory.json) holds the Agents Playground's
// default user and a small organisation; an admin can point DIRECTORY_FILE at their own.
// The sample is imported, so tsc puts it in dist/ and the build runs without infra/.
import * as fs from "node:fs";
import * as path from "node:path";
import { z } from "zod";
import type { Person } from "../approvals/model";
import { DirectoryError, type Directory, type DirectoryRole } from "./directory";
import sampleDirectory from "../../infra/directory/sample-directory.json";

const userSchema = z.strictObject({
  objectId: z.string().min(1).max(64),
  name: z.string().min(1).max(255),
  upn: z.string().max(255).optional(),
  /** objectId of the nearest manager */
  manager: z.string().min(1).max(64).optional(),
});

export const directoryFileSchema = z
  .strictObject({
    description: z.string().optional(),
    users: z.array(userSchema),
    /** objectIds of the role holders (config APPROVAL_*_ID overrides) */
    roles: z.strictObject({ "head-of-operations": z.string().optional(), ceo: z.string().optional(), admin: z.string().optional() }).default({}),
  })
  .superRefine((d, ctx) => {
    const ids = new Set(d.users.map((u) => u.objectId));
    if (ids.size !== d.users.length) ctx.addIssue({ code: "custom", message: "duplicate objectId" });
    for (const u of d.users) if (u.manager && !ids.has(u.manager)) ctx.addIssue({ code: "custom", message: `${u.objectId}: manager ${u.manager} is not a user` });
    for (const [role, id] of Object.entries(d.roles)) if (id && !ids.has(id)) ctx.addIssue({ code: "custom", message: `role ${role}: ${id} is not a user` });
  });
export type DirectoryFile = z.infer<typeof directoryFileSchema>;

export const SAMPLE_DIRECTORY = path.join("infra", "directory", "sample-directory.json");

export class FileDirectory implements Directory {
  readonly kind = "file" as const;
  private readonly byId: Map<string, DirectoryFile["users"][number]>;

  constructor(
    private readonly data: DirectoryFile,
    /** configured role holders; they win over the file's roles */
    private readonly roles: Partial<Record<DirectoryRole, string>> = {},
  ) {
    this.byId = new Map(data.users.map((u) => [u.objectId.toLowerCase(), u]));
  }

  /** the directory in file, or the built-in sample when file is undefined */
  static load(file?: string, roles: Partial<Record<DirectoryRole, string>> = {}): FileDirectory {
    let raw: unknown = sampleDirectory;
    if (file === undefined) file = SAMPLE_DIRECTORY;
    else {
      try {
        raw = JSON.parse(fs.readFileSync(file, "utf8"));
      } catch (e) {
        throw new DirectoryError(`directory file ${file}: ${e instanceof Error ? e.message : String(e)}`, "file_unreadable", false, { cause: e });
      }
    }
    const r = directoryFileSchema.safeParse(raw);
    if (!r.success) throw new DirectoryError(`directory file ${file}: ${r.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`, "file_invalid", false);
    return new FileDirectory(r.data, roles);
  }

  async manager(userObjectId: string): Promise<Person | undefined> {
    const m = this.byId.get(userObjectId.toLowerCase())?.manager;
    return m ? this.user(m) : undefined;
  }

  async roleHolder(role: DirectoryRole): Promise<Person | undefined> {
    const id = this.roles[role] || this.data.roles[role];
    if (!id) return undefined;
    return (await this.user(id)) ?? { objectId: id, name: id };
  }

  async user(objectId: string): Promise<Person | undefined> {
    const u = this.byId.get(objectId.toLowerCase());
    if (!u) return undefined;
    const p: Person = { objectId: u.objectId, name: u.name };
    if (u.upn) p.upn = u.upn;
    return p;
  }
}
