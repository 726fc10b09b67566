// Attaches the app token to every request. Our own, instead of the Graph client's
// AuthenticationHandler, which sends the token only to https:// Graph hosts (and so
// not to a local test server on http://).
import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import type { TokenProvider } from "../token";
import { TRANSPORT } from "../graph-error";
import { setHeader } from "./headers";

export class BearerAuth implements Middleware {
  private next: Middleware | undefined;
  constructor(private readonly tokens: TokenProvider) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(ctx: Context): Promise<void> {
    let token: string;
    try {
      token = await this.tokens.getToken();
    } catch (e) {
      const err = new Error(`token: ${e instanceof Error ? e.message : String(e)}`);
      err.name = TRANSPORT.token;
      throw err;
    }
    setHeader(ctx, "Authorization", `Bearer ${token}`);
    await this.next!.execute(ctx);
  }
}
