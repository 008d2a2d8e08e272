// Export against the real engine: the file equals what the docker CLI writes, byte for byte.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineConnection } from './connection';
import { exportLogs, suggestExportPath, type LogExportRequest } from './logs-export';
import { connectLocalEngine, docker, removeTestContainers, runContainer, uniqueName } from './logs.test-support';

let engine: EngineConnection;
let dockerode: Dockerode;
let dir: string;

beforeAll(async () => {
  engine = await connectLocalEngine();
  dockerode = engine.requireConnected();
  dir = mkdtempSync(join(tmpdir(), 'berth-logs-export-'));
});

afterAll(() => {
  removeTestContainers();
  engine?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** What a person at a terminal gets: `docker logs [flags] c > file 2>&1` (via sh, so redirection is real). */
function cliLogs(flags: string, id: string, redirect = '2>&1'): Buffer {
  const file = join(dir, `cli-${Math.random().toString(36).slice(2)}.log`);
  execFileSync('sh', ['-c', `docker logs ${flags} ${id} > ${file} ${redirect}`]);
  return readFileSync(file);
}

async function runExport(id: string, options: Partial<LogExportRequest> = {}) {
  const path = join(dir, `berth-${Math.random().toString(36).slice(2)}.log`);
  const progress: number[] = [];
  const handle = await exportLogs(
    dockerode,
    { id, path, overwrite: false, timestamps: false, tail: 'all', range: {}, streams: 'both', ...options },
    { progress: (bytes) => progress.push(bytes) },
  );
  const result = await handle.done;
  return { result, file: readFileSync(path), progress };
}

describe('exporting a log', () => {
  let mixed: string;

  beforeAll(() => {
    mixed = runContainer(uniqueName('export'), '-e', 'LINES_PER_SEC=0', '-e', 'TOTAL=30000', '-e', 'STDERR_EVERY=3', 'fixture/logger');
    docker('wait', mixed);
  });

  it('writes stdout and stderr as `docker logs c > file 2>&1` does, byte for byte', async () => {
    const { result, file, progress } = await runExport(mixed);
    const expected = cliLogs('', mixed);
    expect(file.length).toBeGreaterThan(400_000);
    expect(file.equals(expected)).toBe(true);
    expect(result.bytes).toBe(expected.length);
    expect(progress.at(-1)).toBe(expected.length);
  });

  it('with timestamps, as `docker logs -t` does', async () => {
    const { file } = await runExport(mixed, { timestamps: true });
    expect(file.equals(cliLogs('-t', mixed))).toBe(true);
  });

  it('one stream only, as `docker logs c 2>/dev/null` does', async () => {
    const { file } = await runExport(mixed, { streams: 'stdout' });
    expect(file.equals(cliLogs('', mixed, '2>/dev/null'))).toBe(true);
    expect(file.toString()).not.toContain('stderr line');
  });

  it('a tail, as `docker logs --tail 100` does', async () => {
    const { file } = await runExport(mixed, { tail: 100 });
    expect(file.equals(cliLogs('--tail 100', mixed))).toBe(true);
  });

  it('a TTY container’s raw output (CRLF, ANSI and multi-byte text untouched)', async () => {
    const id = runContainer(uniqueName('export-tty'), '-t', 'fixture/busybox', 'sh', '-c', 'for i in 1 2 3; do printf "tty \\033[1mline\\033[0m $i ☃\\n"; done');
    docker('wait', id);
    const { file } = await runExport(id);
    expect(file.toString()).toContain('\r\n');
    expect(file.equals(cliLogs('', id))).toBe(true);
  });

  it('refuses to overwrite a file unless asked, and a folder that does not exist', async () => {
    const existing = join(dir, 'existing.log');
    writeFileSync(existing, 'keep me');
    const base = { id: mixed, overwrite: false, timestamps: false, tail: 'all' as const, range: {}, streams: 'both' as const };
    await expect(exportLogs(dockerode, { ...base, path: existing }, { progress: () => {} })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/already exists/),
    });
    expect(readFileSync(existing, 'utf8')).toBe('keep me');
    await expect(
      exportLogs(dockerode, { ...base, path: join(dir, 'missing', 'x.log') }, { progress: () => {} }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/does not exist/) });
    await expect(exportLogs(dockerode, { ...base, path: 'relative.log' }, { progress: () => {} })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    const handle = await exportLogs(dockerode, { ...base, path: existing, overwrite: true }, { progress: () => {} });
    await handle.done;
    expect(readFileSync(existing).equals(cliLogs('', mixed))).toBe(true);
  });

  it('deletes the partial file when cancelled', async () => {
    const path = join(dir, 'cancelled.log');
    const handle = await exportLogs(
      dockerode,
      { id: mixed, path, overwrite: false, timestamps: false, tail: 'all', range: {}, streams: 'both' },
      { progress: () => {} },
    );
    handle.done.catch(() => {});
    handle.cancel();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(existsSync(path)).toBe(false);
  });
});

describe('suggestExportPath', () => {
  it('picks ~/Downloads when it exists, a free name, else the temp folder', () => {
    const home = mkdtempSync(join(tmpdir(), 'berth-home-'));
    const when = new Date(2024, 4, 1, 10, 15, 0);
    expect(suggestExportPath('web', when, home).directory).toBe(tmpdir());
    mkdirSync(join(home, 'Downloads'));
    const first = suggestExportPath('web/1', when, home);
    expect(first.path).toBe(join(home, 'Downloads', 'web_1-20240501-101500.log'));
    writeFileSync(first.path, '');
    expect(suggestExportPath('web/1', when, home).path).toBe(join(home, 'Downloads', 'web_1-20240501-101500-2.log'));
    rmSync(home, { recursive: true, force: true });
  });
});
