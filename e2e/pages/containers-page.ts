// Page object for the Containers panel: role-based locators only, named as a person would name what
// they see ("the row of web-1", "the Stop button in the bulk toolbar").
import { expect, type Locator, type Page } from '@playwright/test';

export class ContainersPage {
  readonly grid: Locator;
  readonly filterBox: Locator;
  readonly bulkToolbar: Locator;
  readonly removeDialog: Locator;
  readonly panelAlert: Locator;
  readonly engineState: Locator;
  readonly disconnectedState: Locator;
  readonly noMatches: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByRole('grid', { name: 'Containers' });
    this.filterBox = page.getByRole('searchbox', { name: 'Filter containers' });
    this.bulkToolbar = page.getByRole('toolbar', { name: 'Bulk actions' });
    this.removeDialog = page.getByRole('dialog', { name: /^Remove/ });
    this.panelAlert = page.getByRole('region', { name: 'Containers panel' }).getByRole('alert');
    this.engineState = page.getByRole('status', { name: 'Engine state' });
    this.disconnectedState = page.getByRole('region', { name: 'Engine disconnected' });
    this.noMatches = page.getByRole('region', { name: 'No matching containers' });
  }

  /** The list is virtualised: filter to the containers a test cares about so their rows are rendered. */
  async filter(text: string): Promise<void> {
    await this.filterBox.fill(text);
  }

  row(name: string): Locator {
    return this.grid.getByRole('row', { name, exact: true });
  }

  /** A compose project's group header row ("shop, 2 containers"). */
  projectRow(project: string): Locator {
    return this.grid.getByRole('row', { name: new RegExp(`^${escapeRegExp(project)}, \\d+ containers?$`) });
  }

  /** The project row's "Logs" action: every service's lines, interleaved. */
  async openProjectLogs(project: string): Promise<void> {
    await this.projectRow(project).getByRole('button', { name: `Show logs of compose project ${project}`, exact: true }).click();
  }

  async expectState(name: string, state: RegExp | string): Promise<void> {
    await expect(this.row(name).getByRole('gridcell').nth(3)).toContainText(state);
  }

  async check(name: string, options: { shift?: boolean } = {}): Promise<void> {
    await this.row(name)
      .getByRole('checkbox', { name: `Select ${name}` })
      .click({ modifiers: options.shift ? ['Shift'] : [] });
  }

  /** A per-row quick action: "Stop", "Start" or "Remove" (the button is named "<Action> <container>"). */
  /** Runs an action listed in the row's "More actions" menu (Recreate, Duplicate, Copy as command…). */
  async rowMenuAction(name: string, action: string): Promise<void> {
    await this.row(name).hover();
    await this.row(name).getByRole('button', { name: `More actions for ${name}` }).click();
    await this.page.getByRole('menu', { name: `More actions for ${name}` }).getByRole('menuitem', { name: action }).click();
  }

  async rowAction(name: string, action: 'Stop' | 'Start' | 'Remove'): Promise<void> {
    await this.row(name).getByRole('button', { name: `${action} ${name}`, exact: true }).click();
  }

  async bulk(action: 'Start' | 'Stop' | 'Restart' | 'Pause' | 'Unpause' | 'Kill' | 'Remove'): Promise<void> {
    await this.bulkToolbar.getByRole('button', { name: action, exact: true }).click();
  }

  async openDetails(name: string): Promise<Locator> {
    await this.row(name).getByRole('gridcell').nth(1).click();
    const pane = this.details(name);
    await expect(pane).toBeVisible();
    return pane;
  }

  details(name: string): Locator {
    return this.page.getByRole('complementary', { name: `Details of ${name}` });
  }

  /** Selects a tab of the open details pane ("Logs", "Inspect", …) and returns its panel. */
  async openDetailsTab(name: string, tab: string): Promise<Locator> {
    const pane = this.details(name);
    await pane.getByRole('tablist', { name: 'Details' }).getByRole('tab', { name: tab, exact: true }).click();
    const panel = pane.getByRole('tabpanel', { name: tab, exact: true });
    await expect(panel).toBeVisible();
    return panel;
  }

  async confirmRemove(options: { removeVolumes?: boolean } = {}): Promise<void> {
    const dialog = this.removeDialog;
    await expect(dialog.getByRole('list', { name: 'Containers to remove' })).toBeVisible();
    if (options.removeVolumes) await dialog.getByRole('checkbox', { name: 'Also remove anonymous volumes' }).check();
    await dialog.getByRole('button', { name: /^Remove/ }).click();
    await expect(dialog).toBeHidden();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
