// Where the local engine answers, resolved as the docker CLI does: DOCKER_HOST, else the current docker
// context (DOCKER_CONTEXT or ~/.docker/config.json's currentContext, described under
// ~/.docker/contexts/meta/<sha256(name)>/meta.json), else the platform's default socket.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type Dockerode from 'dockerode';

export interface EngineEndpoint {
  /** e.g. unix:///var/run/docker.sock, tcp://10.0.0.2:2376, ssh://user@host */
  host: string;
  /** How it was chosen, for the status bar: "DOCKER_HOST", "context desktop-linux", "default socket". */
  source: string;
  tls?: { ca?: string; cert?: string; key?: string; verify: boolean };
}

export const DEFAULT_UNIX_SOCKET = 'unix:///var/run/docker.sock';

export interface EndpointEnvironment {
  env: Record<string, string | undefined>;
  home: string;
  platform: NodeJS.Platform;
  readFile: (path: string) => string | undefined;
}

export function realEnvironment(): EndpointEnvironment {
  return {
    env: process.env,
    home: homedir(),
    platform: process.platform,
    readFile: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined),
  };
}

function tlsFromDirectory(dir: string, verify: boolean, read: EndpointEnvironment['readFile']): EngineEndpoint['tls'] {
  const ca = read(join(dir, 'ca.pem'));
  const cert = read(join(dir, 'cert.pem'));
  const key = read(join(dir, 'key.pem'));
  if (!ca && !cert && !key) return undefined;
  return { ca, cert, key, verify };
}

export function resolveLocalEndpoint(environment: EndpointEnvironment = realEnvironment()): EngineEndpoint {
  const { env, home, platform, readFile } = environment;
  const dockerConfigDir = env.DOCKER_CONFIG || join(home, '.docker');

  if (env.DOCKER_HOST) {
    const verify = !!env.DOCKER_TLS_VERIFY && env.DOCKER_TLS_VERIFY !== '0';
    const tls = env.DOCKER_CERT_PATH
      ? tlsFromDirectory(env.DOCKER_CERT_PATH, verify, readFile)
      : verify
        ? tlsFromDirectory(dockerConfigDir, verify, readFile)
        : undefined;
    return { host: env.DOCKER_HOST, source: 'DOCKER_HOST', ...(tls ? { tls } : {}) };
  }

  let contextName = env.DOCKER_CONTEXT;
  if (!contextName) {
    const configText = readFile(join(dockerConfigDir, 'config.json'));
    if (configText) {
      try {
        contextName = (JSON.parse(configText) as { currentContext?: string }).currentContext;
      } catch {
        // A broken config.json makes the docker CLI fail too; Berth falls back to the default socket.
      }
    }
  }
  if (contextName && contextName !== 'default') {
    const digest = createHash('sha256').update(contextName).digest('hex');
    const metaText = readFile(join(dockerConfigDir, 'contexts', 'meta', digest, 'meta.json'));
    if (metaText) {
      try {
        const meta = JSON.parse(metaText) as {
          Endpoints?: { docker?: { Host?: string; SkipTLSVerify?: boolean } };
        };
        const docker = meta.Endpoints?.docker;
        if (docker?.Host) {
          const tls = tlsFromDirectory(
            join(dockerConfigDir, 'contexts', 'tls', digest, 'docker'),
            !docker.SkipTLSVerify,
            readFile,
          );
          return { host: docker.Host, source: `context ${contextName}`, ...(tls ? { tls } : {}) };
        }
      } catch {
        // Unreadable context metadata: fall through to the default socket, as an unknown context would.
      }
    }
  }

  return {
    host: platform === 'win32' ? 'npipe:////./pipe/docker_engine' : DEFAULT_UNIX_SOCKET,
    source: 'default socket',
  };
}

/** dockerode options for an endpoint. Throws on a scheme Docker does not know. */
export function dockerodeOptions(endpoint: EngineEndpoint): Dockerode.DockerOptions {
  const url = endpoint.host;
  if (url.startsWith('unix://')) return { socketPath: url.slice('unix://'.length) };
  if (url.startsWith('npipe://')) return { socketPath: url.slice('npipe://'.length).replace(/\//g, '\\') };
  const parsed = new URL(url);
  if (parsed.protocol === 'tcp:' || parsed.protocol === 'http:' || parsed.protocol === 'https:') {
    const useTls = parsed.protocol === 'https:' || (parsed.protocol === 'tcp:' && !!endpoint.tls);
    return {
      protocol: useTls ? 'https' : 'http',
      host: parsed.hostname,
      port: parsed.port ? Number(parsed.port) : useTls ? 2376 : 2375,
      ...(useTls && endpoint.tls
        ? { ca: endpoint.tls.ca, cert: endpoint.tls.cert, key: endpoint.tls.key }
        : {}),
    };
  }
  if (parsed.protocol === 'ssh:') {
    return {
      protocol: 'ssh',
      host: parsed.hostname,
      port: parsed.port ? Number(parsed.port) : 22,
      username: parsed.username || undefined,
    };
  }
  throw new Error(`Unsupported engine address "${url}": use unix://, tcp://, ssh:// or npipe://`);
}
