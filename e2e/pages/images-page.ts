// Page object for the Images panel: the grid and its rows (named "repo:tag"), row actions, the Tag and
// Remove dialogs, and the details pane — role-based locators only.
import { expect, type Locator, type Page } from '@playwright/test';

export type ImageRowAction = 'Run' | 'Tag' | 'Inspect' | 'Remove';

export class ImagesPage {
  readonly grid: Locator;
  readonly filterBox: Locator;
  readonly tagDialog: Locator;
  readonly removeDialog: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByRole('grid', { name: 'Images' });
    this.filterBox = page.getByRole('searchbox', { name: 'Filter images' });
    this.tagDialog = page.getByRole('dialog', { name: /^Tag / });
    this.removeDialog = page.getByRole('dialog', { name: /^Remove (image|tag)\?$/ });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Panels' }).getByRole('button', { name: 'Images' }).click();
    await expect(this.grid).toBeVisible();
  }

  /** The grid is virtualised: filter to the images a test cares about so their rows are rendered. */
  async filter(text: string): Promise<void> {
    await this.filterBox.fill(text);
  }

  row(reference: string): Locator {
    return this.grid.getByRole('row', { name: reference, exact: true });
  }

  cell(reference: string, column: 'Repository' | 'Tag' | 'Image ID' | 'Size' | 'Created' | 'In use'): Locator {
    const index = ['Repository', 'Tag', 'Image ID', 'Size', 'Created', 'In use'].indexOf(column);
    return this.row(reference).getByRole('gridcell').nth(index);
  }

  async rowAction(reference: string, action: ImageRowAction): Promise<void> {
    const row = this.row(reference);
    await row.hover();
    await row.getByRole('button', { name: `${action} ${reference}`, exact: true }).click();
  }

  /** Opens the Remove dialog of an image one container uses (checked in the grid first). */
  async removeImageInUse(reference: string): Promise<Locator> {
    await this.open();
    await this.filter(reference);
    await expect(this.cell(reference, 'In use')).toHaveText('in use · 1');
    await this.rowAction(reference, 'Remove');
    return this.removeDialog;
  }

  details(reference: string): Locator {
    return this.page.getByRole('complementary', { name: `Details of ${reference}` });
  }

  async addTag(reference: string, newTag: string): Promise<void> {
    await this.rowAction(reference, 'Tag');
    const field = this.tagDialog.getByLabel('New tag');
    await field.fill(newTag);
    await this.tagDialog.getByRole('button', { name: 'Add tag' }).click();
  }
}
