// One image's details for the Images panel: its configuration (cmd, entrypoint, env, ports, labels…)
// and its layers (docker history), in one call from the renderer.
import type Dockerode from 'dockerode';
import type { ImageDetails, ImageHistoryEntry } from '../shared/contract/images';
import type { EngineId } from '../shared/dto';
import { engineCall } from './engine-errors';

interface RawHistoryEntry {
  Id: string;
  Created: number;
  CreatedBy: string;
  Size: number;
  Comment: string;
  Tags: string[] | null;
}

interface RawImageConfig {
  Cmd?: string[] | null;
  Entrypoint?: string[] | null;
  Env?: string[] | null;
  ExposedPorts?: Record<string, unknown> | null;
  Volumes?: Record<string, unknown> | null;
  WorkingDir?: string;
  User?: string;
  StopSignal?: string;
  Labels?: Record<string, string> | null;
}

export function splitEnv(entries: readonly string[]): { key: string; value: string }[] {
  return entries.map((entry) => {
    const eq = entry.indexOf('=');
    return eq === -1 ? { key: entry, value: '' } : { key: entry.slice(0, eq), value: entry.slice(eq + 1) };
  });
}

function toHistoryEntry(raw: RawHistoryEntry): ImageHistoryEntry {
  return {
    id: raw.Id,
    created: raw.Created,
    createdBy: raw.CreatedBy,
    size: raw.Size,
    comment: raw.Comment,
    tags: raw.Tags ?? [],
  };
}

export async function inspectImage(docker: Dockerode, engineId: EngineId, reference: string): Promise<ImageDetails> {
  const image = docker.getImage(reference);
  const [info, history] = await Promise.all([
    engineCall(() => image.inspect(), `Cannot inspect ${reference}`),
    engineCall(() => image.history() as Promise<RawHistoryEntry[]>, `Cannot read the history of ${reference}`),
  ]);
  const config = (info.Config ?? {}) as RawImageConfig;
  return {
    engineId,
    id: info.Id,
    repoTags: (info.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>'),
    repoDigests: info.RepoDigests ?? [],
    size: info.Size,
    created: Math.floor(Date.parse(info.Created) / 1000),
    architecture: info.Architecture ?? '',
    os: info.Os ?? '',
    author: info.Author ?? '',
    cmd: config.Cmd ?? [],
    entrypoint: config.Entrypoint ?? [],
    env: splitEnv(config.Env ?? []),
    exposedPorts: Object.keys(config.ExposedPorts ?? {}),
    volumes: Object.keys(config.Volumes ?? {}),
    workingDir: config.WorkingDir ?? '',
    user: config.User ?? '',
    stopSignal: config.StopSignal ?? '',
    labels: config.Labels ?? {},
    history: history.map(toHistoryEntry),
    raw: info,
  };
}
