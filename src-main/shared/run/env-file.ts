// An env file's text (as `docker run --env-file` reads it) → KEY=VALUE entries. Docker's format is
// literal: no quotes are removed, no variables expanded; blank lines and # comments are skipped. A line
// with only a name means "take it from the shell", which Berth cannot do, so it is reported.

export interface EnvFileResult {
  entries: string[];
  /** Lines that were not KEY=VALUE, with their line numbers. */
  skipped: string[];
}

export function parseEnvFile(text: string): EnvFileResult {
  const entries: string[] = [];
  const skipped: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/^\uFEFF/, '').trimStart();
    if (!line.trim() || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line.trim() : line.slice(0, eq);
    if (eq < 0) {
      skipped.push(`line ${index + 1}: "${key}" has no value (Berth cannot read your shell's environment)`);
    } else if (!key || /\s/.test(key)) {
      skipped.push(`line ${index + 1}: "${line}" is not KEY=VALUE`);
    } else {
      entries.push(line);
    }
  });
  return { entries, skipped };
}

/** Adds imported entries to existing ones; a later value for the same key replaces the earlier one. */
export function mergeEnv(existing: readonly string[], imported: readonly string[]): string[] {
  const keyOf = (entry: string) => entry.split('=')[0];
  const importedKeys = new Set(imported.map(keyOf));
  return [...existing.filter((entry) => !importedKeys.has(keyOf(entry))), ...imported];
}
