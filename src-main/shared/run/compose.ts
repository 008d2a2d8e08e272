// RunSpec → a docker-compose service (YAML text) for "copy as compose". Strings are written as
// double-quoted scalars (JSON strings are valid YAML), so no value can break the document. Named
// volumes and user-defined networks already exist on the engine, so they are declared external.
import { parseMountSpec, parseVolumeSpec } from './volumes';
import { isBuiltinNetworkMode, type RunSpec } from './spec';

const q = (value: string) => JSON.stringify(value);

export function composeServiceName(spec: RunSpec): string {
  const fromImage = spec.image.split('@')[0].split('/').pop()?.split(':')[0] ?? '';
  const base = (spec.name || fromImage || 'app').toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^[-_]+/, '');
  return base || 'app';
}

function listBlock(lines: string[], key: string, values: readonly string[], indent = '    '): void {
  if (!values.length) return;
  lines.push(`${indent}${key}:`);
  for (const value of values) lines.push(`${indent}  - ${q(value)}`);
}

export function runSpecToCompose(spec: RunSpec): string {
  const service = composeServiceName(spec);
  const lines: string[] = ['services:', `  ${service}:`];
  const put = (key: string, value: string) => lines.push(`    ${key}: ${value}`);
  put('image', q(spec.image));
  if (spec.name) put('container_name', q(spec.name));
  if (spec.entrypoint) put('entrypoint', `[${q(spec.entrypoint)}]`);
  if (spec.command.length) put('command', `[${spec.command.map(q).join(', ')}]`);
  if (spec.interactive) put('stdin_open', 'true');
  if (spec.tty) put('tty', 'true');
  if (spec.hostname) put('hostname', q(spec.hostname));
  if (spec.user) put('user', q(spec.user));
  if (spec.workdir) put('working_dir', q(spec.workdir));
  listBlock(lines, 'environment', spec.env);
  listBlock(lines, 'labels', spec.labels);
  listBlock(lines, 'ports', spec.ports);

  const namedVolumes = new Set<string>();
  const volumeLines = spec.volumes.map((value) => {
    const parsed = parseVolumeSpec(value);
    if (parsed.ok && parsed.volume.kind === 'named') namedVolumes.add(parsed.volume.source);
    return value;
  });
  const longMounts: string[] = [];
  for (const value of spec.mounts) {
    const parsed = parseMountSpec(value);
    if (!parsed.ok) continue;
    const m = parsed.mount;
    if (m.type === 'volume' && m.source) namedVolumes.add(m.source);
    longMounts.push(`      - type: ${m.type}`);
    if (m.source) longMounts.push(`        source: ${q(m.source)}`);
    longMounts.push(`        target: ${q(m.target)}`);
    if (m.readOnly) longMounts.push('        read_only: true');
  }
  if (volumeLines.length || longMounts.length) {
    lines.push('    volumes:');
    for (const value of volumeLines) lines.push(`      - ${q(value)}`);
    lines.push(...longMounts);
  }
  listBlock(lines, 'volumes_from', spec.volumesFrom);

  const userNetwork = spec.network && !isBuiltinNetworkMode(spec.network) ? spec.network : '';
  if (userNetwork) {
    lines.push('    networks:', `      ${q(userNetwork)}:`);
    if (spec.networkAliases.length) {
      lines.push('        aliases:');
      for (const alias of spec.networkAliases) lines.push(`          - ${q(alias)}`);
    }
  } else if (spec.network && spec.network !== 'default') {
    put('network_mode', q(spec.network));
  }
  listBlock(lines, 'links', spec.links);
  listBlock(lines, 'extra_hosts', spec.addHosts);
  listBlock(lines, 'cap_add', spec.capAdd);
  listBlock(lines, 'cap_drop', spec.capDrop);
  if (spec.restart !== 'no') {
    put('restart', q(spec.restart === 'on-failure' && spec.restartRetries ? `on-failure:${spec.restartRetries}` : spec.restart));
  }
  if (spec.cpus) put('cpus', q(spec.cpus));
  if (spec.memory) put('mem_limit', q(spec.memory));
  if (spec.init) put('init', 'true');
  if (spec.privileged) put('privileged', 'true');
  if (spec.publishAll) lines.push('    # -P (publish all exposed ports) has no compose equivalent: list the ports above.');
  if (spec.autoRemove) lines.push('    # --rm has no compose equivalent: `docker-compose run --rm` removes one-off containers.');

  if (userNetwork) lines.push('networks:', `  ${q(userNetwork)}:`, '    external: true');
  if (namedVolumes.size) {
    lines.push('volumes:');
    for (const name of namedVolumes) lines.push(`  ${q(name)}:`, '    external: true');
  }
  return `${lines.join('\n')}\n`;
}
