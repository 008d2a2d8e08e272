// What a container says about itself beyond what its image already said. Both "duplicate as a run
// line" and recreate need the user's settings without the image's defaults (a recreated container
// should pick up the new image's PATH, CMD and labels), and without what the engine generated (the
// hostname it made from the id, the id alias on user networks).
import type Dockerode from 'dockerode';

export type ContainerInfo = Dockerode.ContainerInspectInfo;
export type ImageConfig = Partial<Dockerode.ImageInspectInfo['Config']>;

export const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Env entries the container has that the image did not give it. */
export function ownEnv(env: readonly string[] | null | undefined, image: ImageConfig | undefined): string[] {
  const inherited = new Set(image?.Env ?? []);
  return (env ?? []).filter((entry) => !inherited.has(entry));
}

export function ownLabels(labels: Record<string, string> | null | undefined, image: ImageConfig | undefined): Record<string, string> {
  const own: Record<string, string> = {};
  const inherited = image?.Labels ?? {};
  for (const [key, value] of Object.entries(labels ?? {})) if (inherited[key] !== value) own[key] = value;
  return own;
}

export function ownKeys(values: Record<string, unknown> | null | undefined, image: Record<string, unknown> | null | undefined): string[] {
  return Object.keys(values ?? {}).filter((key) => !(image && key in image));
}

/**
 * The entrypoint and command the user chose, or undefined for each the image supplied. The engine
 * uses the image's Cmd only when the entrypoint is the image's too, so Cmd counts as the image's only then.
 */
export function ownCommand(
  config: ContainerInfo['Config'],
  image: ImageConfig | undefined,
): { entrypoint?: string[]; cmd?: string[] } {
  const entrypoint = (config.Entrypoint ?? null) as string[] | string | null;
  const entrypointIsImage = !!image && sameJson(entrypoint, image.Entrypoint);
  const cmdIsImage = entrypointIsImage && sameJson(config.Cmd, image?.Cmd);
  const asList = (value: string[] | string | null | undefined) => (value == null ? undefined : Array.isArray(value) ? value : [value]);
  return {
    ...(entrypointIsImage ? {} : { entrypoint: asList(entrypoint) ?? [] }),
    ...(cmdIsImage ? {} : { cmd: asList(config.Cmd) ?? [] }),
  };
}

/** The hostname unless the engine made it from the container id. */
export function ownHostname(info: ContainerInfo): string {
  const hostname = info.Config.Hostname ?? '';
  return hostname && info.Id.startsWith(hostname) && hostname.length === 12 ? '' : hostname;
}

/**
 * Network-scoped aliases the user gave, without the one the engine adds on user networks: the
 * container's hostname (its short id unless a hostname was set). The engine adds it again on create.
 */
export function ownAliases(info: ContainerInfo, aliases: readonly string[] | null | undefined): string[] {
  const generated = new Set([info.Id.slice(0, 12), info.Id, info.Config.Hostname]);
  return (aliases ?? []).filter((alias) => !generated.has(alias));
}

export function isUserNetwork(mode: string): boolean {
  return !!mode && !['default', 'bridge', 'host', 'none'].includes(mode) && !mode.startsWith('container:');
}

/** "/db:/web/alias" (the engine's stored form) → "db:alias". */
export function linkToFlag(link: string): string {
  const [target, path] = link.split(':');
  const alias = path?.split('/').pop();
  const name = target.replace(/^\//, '');
  return alias && alias !== name ? `${name}:${alias}` : name;
}

/** Anonymous volumes (64-hex names) at paths the container declares as volumes, with where they mount. */
export function anonymousVolumes(info: ContainerInfo): { name: string; destination: string; readOnly: boolean }[] {
  const declared = info.Config.Volumes ?? {};
  return (info.Mounts ?? [])
    .filter((m) => m.Type === 'volume' && !!m.Name && /^[0-9a-f]{64}$/.test(m.Name) && m.Destination in declared)
    .map((m) => ({ name: m.Name!, destination: m.Destination, readOnly: !m.RW }));
}
