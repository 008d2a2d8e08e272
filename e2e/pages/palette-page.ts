// Page object for the command palette: the dialog, its combobox and the listbox of commands, found by
// role and name as a screen reader would announce them.
import { expect, type Locator, type Page } from '@playwright/test';

export class PalettePage {
  readonly dialog: Locator;
  readonly input: Locator;
  readonly listbox: Locator;
  readonly button: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Command palette' });
    this.input = this.dialog.getByRole('combobox', { name: 'Type a command' });
    this.listbox = this.dialog.getByRole('listbox', { name: 'Commands' });
    this.button = page.getByRole('button', { name: 'Command palette', exact: true });
  }

  async openWithKeyboard(): Promise<void> {
    await this.page.keyboard.press('Control+K');
    await expect(this.dialog).toBeVisible();
    await expect(this.input).toBeFocused();
  }

  async openWithButton(): Promise<void> {
    await this.button.click();
    await expect(this.dialog).toBeVisible();
  }

  option(name: string | RegExp): Locator {
    return this.listbox.getByRole('option', { name, exact: typeof name === 'string' });
  }

  group(name: string): Locator {
    return this.listbox.getByRole('group', { name });
  }

  /** The option aria-activedescendant points at (what Enter would run). */
  get activeOption(): Locator {
    return this.listbox.getByRole('option', { selected: true });
  }

  async search(query: string): Promise<void> {
    await this.input.fill(query);
  }

  /** Types a query and runs the first (best) command, as a person would with Enter. */
  async run(query: string, expectedFirst?: string): Promise<void> {
    await this.search(query);
    if (expectedFirst) await expect(this.activeOption).toHaveAccessibleName(expectedFirst);
    await this.page.keyboard.press('Enter');
    await expect(this.dialog).toBeHidden();
  }
}
