// Drives the Agents Playground's chat in Chromium as a person would: types into the message
// box, clicks card buttons, reads what the chat shows. Screenshots of a card at phone and
// desktop widths go to POLICYBOT_SCREENSHOTS when it is set (npm run screenshots), else nowhere.
import * as fs from "node:fs";
import * as path from "node:path";
import type { Locator, Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
/** the widths the cards must fit: a phone and a desktop chat pane */
export const WIDTHS = [400, 800] as const;

export class PlaygroundPage {
  constructor(readonly page: Page) {}

  /** the chat's message box */
  get box(): Locator {
    return this.page.locator('[role="textbox"][contenteditable="true"]').first();
  }

  /** the Adaptive Cards in the chat, oldest first */
  get cards(): Locator {
    return this.page.locator(".ac-adaptiveCard");
  }

  async closeLogPanel(): Promise<void> {
    const panel = this.page.getByText("Log Panel", { exact: true });
    if (await panel.count()) await this.page.locator('button[title="Toggle Log Panel"]').click();
  }

  /** types a message and sends it; resolves once a new card or message with `expect` is shown */
  async say(text: string, expect: string | RegExp, timeout = 30_000): Promise<Locator> {
    const before = await this.cards.count();
    await this.box.click();
    await this.page.keyboard.insertText(text);
    await this.page.keyboard.press("Enter");
    return this.waitForNew(before, expect, timeout);
  }

  /** clicks the last button named `name` and waits for `expect` in a new or redrawn card */
  async click(name: string | RegExp, expect: string | RegExp, timeout = 30_000): Promise<Locator> {
    const before = await this.cards.count();
    await this.page.getByRole("button", { name, exact: typeof name === "string" }).last().click();
    return this.waitForNew(before, expect, timeout, true);
  }

  private async waitForNew(before: number, expect: string | RegExp, timeout: number, redrawOk = false): Promise<Locator> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const n = await this.cards.count();
      const from = redrawOk ? Math.max(0, before - 1) : before;
      for (let i = n - 1; i >= from; i--) {
        const card = this.cards.nth(i);
        const t = await card.innerText().catch(() => "");
        if (typeof expect === "string" ? t.includes(expect) : expect.test(t)) return card;
      }
      // a plain text reply is not a card
      // case-sensitive (a string in getByText is not): the user's own "ansök om …" is not the bot's "Ansök om …"
      const plain = this.page.getByText(typeof expect === "string" ? new RegExp(expect.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) : expect).last();
      if ((await plain.count()) > 0 && (await plain.isVisible().catch(() => false)) && !(await plain.evaluate((e) => !!e.closest(".ac-adaptiveCard")))) return plain;
      if (Date.now() > deadline) throw new Error(`the Playground showed no ${String(expect)} within ${timeout} ms; last card: ${(await this.cards.last().innerText().catch(() => "")).slice(0, 3000)}`);
      await this.page.waitForTimeout(200);
    }
  }

  /**
   * Sends an activity of the test's making through the Playground's own "Mock an Activity" →
   * "Custom activity" dialog (the Playground has no attachment button): `make` gets the ids
   * of the dialog's template (this chat, its user, the Playground's connector) and returns
   * the activity, which replaces the template in the dialog's editor before it is sent.
   */
  async customActivity(make: (template: { conversationId: string; serviceUrl: string; from: { id: string; aadObjectId: string }; recipient: { id: string; name: string } }) => object, expect: string | RegExp, timeout = 30_000): Promise<Locator> {
    const before = await this.cards.count();
    await this.page.getByRole("button", { name: "Mock an Activity" }).click();
    await this.page.getByRole("menuitem", { name: "Custom activity" }).click();
    const dialog = this.page.getByRole("dialog");
    try {
      const editor = dialog.locator(".monaco-editor").first();
      await editor.waitFor();
      // the template's first lines, as the editor shows them (filled in once the Playground has answered)
      const lines = editor.locator(".view-lines");
      await lines.filter({ hasText: "conversationType" }).waitFor({ timeout: 15_000 });
      const shown = (await lines.innerText()).replace(/\u00a0/g, " ");
      const field = (re: RegExp) => {
        const m = re.exec(shown);
        if (!m) throw new Error(`the Custom activity template shows no ${re}: ${shown.slice(0, 600)}`);
        return m[1];
      };
      const template = {
        serviceUrl: field(/"serviceUrl":\s*"([^"]+)"/),
        recipient: { id: field(/"recipient":\s*\{\s*"id":\s*"([^"]+)"/), name: field(/"recipient":\s*\{[^}]*"name":\s*"([^"]+)"/) },
        conversationId: field(/"conversation":\s*\{\s*"id":\s*"([^"]+)"/),
        from: { id: field(/"from":\s*\{\s*"id":\s*"([^"]+)"/), aadObjectId: field(/"from":\s*\{[^}]*"aadObjectId":\s*"([^"]+)"/) },
      };
      await editor.click();
      await this.page.keyboard.press("ControlOrMeta+A");
      await this.page.keyboard.press("Delete");
      // one line: the editor would indent (and close brackets after) typed line breaks
      await this.page.keyboard.insertText(JSON.stringify(make(template)));
      await dialog.getByRole("button", { name: "Send activity" }).click();
      await dialog.waitFor({ state: "hidden" });
    } catch (e) {
      // a dialog left open would cover the chat for every later step
      await dialog.getByRole("button", { name: "Cancel" }).click().catch(() => undefined);
      throw e;
    }
    return this.waitForNew(before, expect, timeout);
  }

  /** the card's height in CSS pixels at a window `width` wide */
  async heightAt(card: Locator, width: number): Promise<number> {
    await this.page.setViewportSize({ width, height: 900 });
    await this.page.waitForTimeout(300);
    const box = await card.boundingBox();
    if (!box) throw new Error("the card is not on screen");
    return box.height;
  }

  /** screenshots of the card at each width (POLICYBOT_SCREENSHOTS set), then back to the desktop width */
  async shoot(card: Locator, name: string): Promise<void> {
    const dir = process.env.POLICYBOT_SCREENSHOTS;
    if (!dir) return;
    fs.mkdirSync(dir, { recursive: true });
    for (const w of WIDTHS) {
      // a window taller than the card, so the Playground's header never covers it
      const height = Math.ceil((await this.heightAt(card, w)) + 400);
      await this.page.setViewportSize({ width: w, height: Math.max(900, height) });
      await this.page.waitForTimeout(300);
      await card.scrollIntoViewIfNeeded();
      await card.screenshot({ path: path.join(dir, `${name}-${w}.png`), animations: "disabled" });
    }
    await this.page.setViewportSize({ width: 1100, height: 900 });
  }
}
