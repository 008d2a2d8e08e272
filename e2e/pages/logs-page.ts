// Page object for a log view (a workspace tab, a details tab or a pop-out window): role-based locators,
// named as a person would name what they see.
import { expect, type Locator, type Page } from '@playwright/test';

export class LogsPage {
  readonly lines: Locator;
  readonly searchBox: Locator;
  readonly searchBar: Locator;
  readonly status: Locator;

  /** `scope`: the view's region, e.g. the workspace tab panel "Logs · web-1". */
  constructor(
    readonly page: Page,
    readonly scope: Locator,
  ) {
    this.lines = scope.getByRole('list', { name: 'Log lines' }).getByRole('listitem');
    this.searchBar = scope.getByRole('search', { name: 'Search the log' });
    this.searchBox = scope.getByRole('searchbox', { name: 'Search log' });
    this.status = scope.getByLabel('Log status');
  }

  /** The workspace tab panel opened by a container's "Logs" action. */
  static inWorkspace(page: Page, containerName: string): LogsPage {
    return new LogsPage(page, page.getByRole('tabpanel', { name: `Logs · ${containerName}` }));
  }

  /** The tab panel opened by a compose project's "Logs" action (all its services). */
  static forProject(page: Page, project: string): LogsPage {
    return new LogsPage(page, page.getByRole('tabpanel', { name: `Logs · ${project} (all services)` }));
  }

  /** A line of a multi-container log: the source's label (a compose service) comes before the text. */
  sourcedLine(label: string, text: string): Locator {
    return this.lines.filter({ hasText: new RegExp(`^(stderr: )?${label}\\s*${text}$`) });
  }

  line(text: string): Locator {
    return this.lines.filter({ hasText: new RegExp(`^(stderr: )?${text}$`) });
  }

  toggle(name: 'Regular expression' | 'Match case' | 'Only matching' | 'stdout' | 'stderr' | 'Timestamps' | 'Wrap'): Locator {
    return this.scope.getByRole('button', { name, exact: true });
  }

  get searchError(): Locator {
    return this.searchBar.getByRole('alert');
  }

  async search(text: string, options: { regex?: boolean } = {}): Promise<void> {
    const regex = this.toggle('Regular expression');
    if ((await regex.getAttribute('aria-pressed')) !== String(!!options.regex)) await regex.click();
    await this.searchBox.fill(text);
  }

  async expectShownTexts(predicate: (text: string) => boolean, count?: number): Promise<void> {
    await expect(async () => {
      const texts = await this.lines.allTextContents();
      expect(texts.length).toBeGreaterThan(0);
      if (count !== undefined) expect(texts).toHaveLength(count);
      for (const text of texts) expect(predicate(text), text).toBe(true);
    }).toPass({ timeout: 15_000 });
  }

  async openExport(): Promise<Locator> {
    await this.searchBar.getByRole('button', { name: 'Export…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Export log' });
    await expect(dialog).toBeVisible();
    return dialog;
  }
}
