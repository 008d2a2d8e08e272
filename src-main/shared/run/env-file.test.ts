import { describe, expect, it } from 'vitest';
import { mergeEnv, parseEnvFile } from './env-file';

describe('parseEnvFile', () => {
  it('keeps KEY=VALUE lines literally and reports the rest', () => {
    const result = parseEnvFile('# comment\n\nA=1\nB="quoted stays"\r\nHOME_ONLY\n=nokey\nC=x=y\n');
    expect(result.entries).toEqual(['A=1', 'B="quoted stays"', 'C=x=y']);
    expect(result.skipped).toEqual([
      `line 5: "HOME_ONLY" has no value (Berth cannot read your shell's environment)`,
      'line 6: "=nokey" is not KEY=VALUE',
    ]);
  });

  it('merges imported values over existing ones by key', () => {
    expect(mergeEnv(['A=1', 'B=2'], ['B=3', 'C=4'])).toEqual(['A=1', 'B=3', 'C=4']);
  });
});
