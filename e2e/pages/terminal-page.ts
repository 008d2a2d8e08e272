// Page object for terminal tabs in the workspace drawer: role-based locators for what a person sees
// (the tab, its toolbar, the exit bar, the error in the terminal area). The terminal draws on a canvas
// (WebGL), so its text is read through the opt-in probe the page exposes when asked before load.
import { expect, type Locator, type Page } from '@playwright/test';

interface ProbedTerminal {
  term: {
    element?: HTMLElement;
    cols: number;
    rows: number;
    modes: { synchronizedOutputMode: boolean };
    buffer: { active: { viewportY: number; getLine(y: number): { translateToString(trim: boolean): string } | undefined } };
  };
  floodPacing: boolean;
  unseenBytesSkipped: number;
  bufferText(): string;
}

declare global {
  interface Window {
    __berthTerminalProbe?: Set<ProbedTerminal>;
  }
}

export class TerminalPage {
  readonly workspace: Locator;

  constructor(readonly page: Page) {
    this.workspace = page.getByRole('region', { name: 'Workspace' });
  }

  /** Opens Berth with the terminal probe on (must be the page's first navigation). */
  static async open(page: Page, url: string): Promise<TerminalPage> {
    await page.addInitScript(() => {
      window.__berthTerminalProbe = new Set();
    });
    await page.goto(url);
    return new TerminalPage(page);
  }

  tab(title: string | RegExp): Locator {
    return this.workspace.getByRole('tab', { name: title });
  }

  panel(title: string | RegExp): Locator {
    return this.page.getByRole('tabpanel', { name: title });
  }

  toolbar(title: string | RegExp): Locator {
    return this.panel(title).getByRole('toolbar', { name: /^Terminal / });
  }

  input(title: string | RegExp): Locator {
    return this.panel(title).getByRole('textbox', { name: 'Terminal input' });
  }

  output(title: string | RegExp): Locator {
    return this.panel(title).getByRole('group', { name: /^Terminal output/ });
  }

  endBar(title: string | RegExp): Locator {
    return this.panel(title).getByRole('status', { name: 'Session ended' });
  }

  errorInTerminal(title: string | RegExp): Locator {
    return this.panel(title).getByRole('alert');
  }

  async waitConnected(title: string | RegExp): Promise<void> {
    await expect(this.toolbar(title).getByRole('status')).toHaveText('Connected');
  }

  /** Types into the terminal as a person would (keys go through xterm to the container). */
  async type(title: string | RegExp, text: string): Promise<void> {
    await this.input(title).focus();
    await this.page.keyboard.type(text);
  }

  async press(title: string | RegExp, key: string): Promise<void> {
    await this.input(title).focus();
    await this.page.keyboard.press(key);
  }

  async text(title: string | RegExp): Promise<string> {
    return this.output(title).evaluate((host) => {
      const probe = [...(window.__berthTerminalProbe ?? [])].find((t) => t.term.element && host.contains(t.term.element));
      return probe ? probe.bufferText() : '';
    });
  }

  async expectText(title: string | RegExp, pattern: RegExp): Promise<void> {
    await expect.poll(() => this.text(title), { message: `terminal text matching ${pattern}` }).toMatch(pattern);
  }

  /**
   * What the screen shows: the rows xterm's DOM renderer drew (trailing blanks trimmed); where WebGL draws
   * (a canvas), the rows in view of the buffer, once drawing is not held.
   */
  async screenText(title: string | RegExp): Promise<string> {
    return this.output(title).evaluate((host) => {
      const trim = (lines: string[]) => lines.map((line) => line.replace(/\s+$/, '')).join('\n').replace(/\s+$/, '');
      const rows = host.querySelector('.xterm-rows');
      if (rows) return trim([...rows.children].map((row) => row.textContent ?? ''));
      const probe = [...(window.__berthTerminalProbe ?? [])].find((t) => t.term.element && host.contains(t.term.element));
      if (!probe || probe.term.modes.synchronizedOutputMode) return '';
      const buffer = probe.term.buffer.active;
      const lines: string[] = [];
      for (let y = 0; y < probe.term.rows; y++) lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
      return trim(lines);
    });
  }

  async expectScreen(title: string | RegExp, pattern: RegExp): Promise<void> {
    await expect.poll(() => this.screenText(title), { message: `terminal screen matching ${pattern}` }).toMatch(pattern);
  }

  /** Whether the terminal draws floods paced (it found the xterm internals it needs). */
  async floodPacing(title: string | RegExp): Promise<boolean> {
    return this.output(title).evaluate((host) => {
      const probe = [...(window.__berthTerminalProbe ?? [])].find((t) => t.term.element && host.contains(t.term.element));
      return probe?.floodPacing ?? false;
    });
  }

  /** Output bytes the terminal never parsed because they scrolled past its scrollback unseen. */
  async unseenBytesSkipped(title: string | RegExp): Promise<number> {
    return this.output(title).evaluate((host) => {
      const probe = [...(window.__berthTerminalProbe ?? [])].find((t) => t.term.element && host.contains(t.term.element));
      return probe?.unseenBytesSkipped ?? 0;
    });
  }

  async size(title: string | RegExp): Promise<{ cols: number; rows: number }> {
    return this.output(title).evaluate((host) => {
      const probe = [...(window.__berthTerminalProbe ?? [])].find((t) => t.term.element && host.contains(t.term.element));
      return { cols: probe?.term.cols ?? 0, rows: probe?.term.rows ?? 0 };
    });
  }

  async close(title: string): Promise<void> {
    await this.workspace.getByRole('button', { name: `Close ${title}`, exact: true }).click();
  }

  async contextMenu(title: string | RegExp, item: string): Promise<void> {
    await this.output(title).click({ button: 'right' });
    await this.page.getByRole('menu', { name: 'Terminal' }).getByRole('menuitem', { name: item }).click();
  }
}
