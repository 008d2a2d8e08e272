// Page object for the run dialog and its siblings (recreate, copy as): fields found by their visible
// labels, buttons by their names — as a person reads the dialog.
import { expect, type Locator, type Page } from '@playwright/test';

export type RunFieldLabel =
  | 'Image'
  | 'Name'
  | 'Command'
  | 'Ports'
  | 'Network'
  | 'Network aliases'
  | 'Volumes'
  | 'Volumes from'
  | 'Environment'
  | 'Labels'
  | 'Working directory'
  | 'User'
  | 'Hostname'
  | 'CPUs'
  | 'Memory';

export class RunDialogPage {
  readonly dialog: Locator;
  readonly commandLine: Locator;

  constructor(
    readonly page: Page,
    title: string | RegExp = 'Run a container',
  ) {
    this.dialog = page.getByRole('dialog', { name: title });
    this.commandLine = this.dialog.getByLabel('docker run command');
  }

  /** Opens the dialog from the containers toolbar. */
  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Run…' }).click();
    await expect(this.dialog).toBeVisible();
  }

  field(label: RunFieldLabel): Locator {
    return this.dialog.getByLabel(label, { exact: true });
  }

  async fill(values: Partial<Record<RunFieldLabel, string>>): Promise<void> {
    for (const [label, value] of Object.entries(values) as [RunFieldLabel, string][]) {
      await this.field(label).fill(value);
    }
  }

  async run(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Run', exact: true }).click();
  }

  async pasteCommand(line: string): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Paste docker run…' }).click();
    await this.dialog.getByLabel('Paste a docker run line').fill(line);
    await this.dialog.getByRole('button', { name: 'Fill the form' }).click();
  }

  /** What the pasted line could not fill (unknown and unsupported flags). */
  get pasteReport(): Locator {
    return this.dialog.getByRole('region', { name: 'What the pasted line could not fill' });
  }

  /** The error shown beside a field starts its accessible description (a hint may follow). */
  async expectFieldError(label: RunFieldLabel, message: string): Promise<void> {
    await expect(this.field(label)).toHaveAttribute('aria-invalid', 'true');
    const escaped = message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await expect(this.field(label)).toHaveAccessibleDescription(new RegExp(`^${escaped}`));
  }
}

export class RecreateDialogPage {
  readonly dialog: Locator;

  constructor(
    readonly page: Page,
    name: string,
  ) {
    this.dialog = page.getByRole('dialog', { name: `Recreate ${name}` });
  }

  async confirm(options: { pull?: boolean } = {}): Promise<void> {
    const pull = this.dialog.getByRole('checkbox', { name: /Pull the newest image first/ });
    if (options.pull === false) await pull.uncheck();
    await this.dialog.getByRole('button', { name: 'Recreate' }).click();
  }

  get imageIds(): Locator {
    return this.dialog.getByLabel('Image ids');
  }
}
