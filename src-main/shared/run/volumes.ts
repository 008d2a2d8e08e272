// -v / --volume and --mount values, and --volumes-from. Berth has no current directory to resolve
// "./data" against (the CLI does it with the shell's cwd), so bind sources must be absolute.

export type VolumeSpec =
  | { kind: 'anonymous'; target: string }
  | { kind: 'named'; source: string; target: string; options: string[]; readOnly: boolean }
  | { kind: 'bind'; source: string; target: string; options: string[]; readOnly: boolean };

export type VolumeParseResult = { ok: true; volume: VolumeSpec } | { ok: false; error: string };

const VOLUME_OPTIONS = new Set([
  'ro', 'rw', 'z', 'Z', 'nocopy', 'consistent', 'cached', 'delegated',
  'shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate',
]);
/** Docker's restricted name grammar (containers and volumes share it). */
export const OBJECT_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/');
}

export function parseVolumeSpec(input: string): VolumeParseResult {
  const spec = input.trim();
  if (!spec) return { ok: false, error: 'Empty volume.' };
  const parts = spec.split(':');
  if (parts.length > 3) return { ok: false, error: `"${spec}" has too many ":" (expected source:/container/path[:options]).` };
  if (parts.length === 1) {
    if (!isAbsolutePath(spec)) {
      return { ok: false, error: `"${spec}": the container path must be absolute (start with /), or write source:/container/path.` };
    }
    return { ok: true, volume: { kind: 'anonymous', target: spec } };
  }
  const [source, target, optionText] = parts;
  if (!source) return { ok: false, error: `"${spec}" has an empty source.` };
  if (!target) return { ok: false, error: `"${spec}" has no container path.` };
  if (!isAbsolutePath(target)) return { ok: false, error: `Container path "${target}" must be absolute (start with /).` };
  const options = optionText === undefined ? [] : optionText.split(',');
  for (const option of options) {
    if (!VOLUME_OPTIONS.has(option)) {
      return { ok: false, error: `Unknown volume option "${option}" (use ro, rw, z, Z, nocopy, or a propagation mode).` };
    }
  }
  if (options.includes('ro') && options.includes('rw')) return { ok: false, error: `"${spec}" says both ro and rw.` };
  const readOnly = options.includes('ro');
  if (source.startsWith('/')) return { ok: true, volume: { kind: 'bind', source, target, options, readOnly } };
  if (source.startsWith('.') || source.startsWith('~')) {
    return { ok: false, error: `Bind source "${source}" must be an absolute path: Berth has no current directory to resolve it against.` };
  }
  if (!OBJECT_NAME.test(source)) {
    return { ok: false, error: `"${source}" is not a volume name ([a-zA-Z0-9][a-zA-Z0-9_.-]+) nor an absolute host path.` };
  }
  return { ok: true, volume: { kind: 'named', source, target, options, readOnly } };
}

export interface MountSpec {
  type: 'bind' | 'volume' | 'tmpfs';
  source: string;
  target: string;
  readOnly: boolean;
  bindPropagation?: string;
  consistency?: string;
  volumeNoCopy?: boolean;
  volumeDriver?: string;
  volumeLabels: Record<string, string>;
  volumeOptions: Record<string, string>;
  tmpfsSizeBytes?: number;
  tmpfsMode?: number;
}

export type MountParseResult = { ok: true; mount: MountSpec } | { ok: false; error: string };

/** Splits a --mount value on commas, honouring "quoted, fields" as Docker's CSV reader does. */
function csvFields(text: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      if (quoted && text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = !quoted;
    } else if (ch === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

function parseBool(value: string | undefined): boolean | undefined {
  if (value === undefined || value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return undefined;
}

export function parseMountSpec(input: string): MountParseResult {
  const spec = input.trim();
  if (!spec) return { ok: false, error: 'Empty mount.' };
  const mount: MountSpec = { type: 'volume', source: '', target: '', readOnly: false, volumeLabels: {}, volumeOptions: {} };
  for (const field of csvFields(spec)) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? undefined : field.slice(eq + 1);
    const needValue = (): string | MountParseResult => (value === undefined ? { ok: false, error: `Mount field "${key}" needs a value (${key}=…).` } : value);
    switch (key) {
      case 'type': {
        const v = needValue();
        if (typeof v !== 'string') return v;
        if (v !== 'bind' && v !== 'volume' && v !== 'tmpfs') return { ok: false, error: `Mount type "${v}" is not bind, volume or tmpfs.` };
        mount.type = v;
        break;
      }
      case 'source':
      case 'src': {
        const v = needValue();
        if (typeof v !== 'string') return v;
        mount.source = v;
        break;
      }
      case 'target':
      case 'destination':
      case 'dst': {
        const v = needValue();
        if (typeof v !== 'string') return v;
        mount.target = v;
        break;
      }
      case 'readonly':
      case 'ro': {
        const b = parseBool(value);
        if (b === undefined) return { ok: false, error: `Mount field "${key}" must be true or false.` };
        mount.readOnly = b;
        break;
      }
      case 'bind-propagation':
      case 'consistency':
      case 'volume-driver': {
        const v = needValue();
        if (typeof v !== 'string') return v;
        if (key === 'bind-propagation') mount.bindPropagation = v;
        else if (key === 'consistency') mount.consistency = v;
        else mount.volumeDriver = v;
        break;
      }
      case 'volume-nocopy': {
        const b = parseBool(value);
        if (b === undefined) return { ok: false, error: 'Mount field "volume-nocopy" must be true or false.' };
        mount.volumeNoCopy = b;
        break;
      }
      case 'volume-label':
      case 'volume-opt': {
        const v = needValue();
        if (typeof v !== 'string') return v;
        const inner = v.indexOf('=');
        const target = key === 'volume-label' ? mount.volumeLabels : mount.volumeOptions;
        target[inner < 0 ? v : v.slice(0, inner)] = inner < 0 ? '' : v.slice(inner + 1);
        break;
      }
      case 'tmpfs-size': {
        const v = needValue();
        if (typeof v !== 'string') return v;
        const bytes = parseByteSize(v);
        if (bytes === undefined) return { ok: false, error: `tmpfs-size "${v}" is not a size like 64m.` };
        mount.tmpfsSizeBytes = bytes;
        break;
      }
      case 'tmpfs-mode': {
        const v = needValue();
        if (typeof v !== 'string') return v;
        if (!/^[0-7]{3,4}$/.test(v)) return { ok: false, error: `tmpfs-mode "${v}" is not an octal mode like 1777.` };
        mount.tmpfsMode = parseInt(v, 8);
        break;
      }
      default:
        return { ok: false, error: `Unknown mount field "${key}".` };
    }
  }
  if (!mount.target) return { ok: false, error: 'A mount needs a target (target=/container/path).' };
  if (!isAbsolutePath(mount.target)) return { ok: false, error: `Mount target "${mount.target}" must be absolute (start with /).` };
  if (mount.type === 'bind') {
    if (!mount.source) return { ok: false, error: 'A bind mount needs a source (source=/host/path).' };
    if (!isAbsolutePath(mount.source)) return { ok: false, error: `Bind source "${mount.source}" must be an absolute path.` };
  }
  if (mount.type === 'volume' && mount.source && !OBJECT_NAME.test(mount.source)) {
    return { ok: false, error: `"${mount.source}" is not a volume name ([a-zA-Z0-9][a-zA-Z0-9_.-]+).` };
  }
  if (mount.type === 'tmpfs' && mount.source) return { ok: false, error: 'A tmpfs mount has no source.' };
  return { ok: true, mount };
}

export type VolumesFromResult = { ok: true; container: string; mode: '' | 'ro' | 'rw' } | { ok: false; error: string };

export function parseVolumesFrom(input: string): VolumesFromResult {
  const [container, mode, extra] = input.trim().split(':');
  if (extra !== undefined) return { ok: false, error: `"${input}" has too many ":" (expected container[:ro|rw]).` };
  if (!container || !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(container)) {
    return { ok: false, error: `"${container ?? ''}" is not a container name or id.` };
  }
  if (mode !== undefined && mode !== 'ro' && mode !== 'rw') return { ok: false, error: `Mode "${mode}" is not ro or rw.` };
  return { ok: true, container, mode: (mode ?? '') as '' | 'ro' | 'rw' };
}

// Sizes as Docker's go-units RAMInBytes reads them: binary multiples, optional "b"/"ib" suffix.
const SIZE = /^(\d+(?:\.\d+)?)\s*([kmgtp])?(?:i?b)?$/i;
const UNIT: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

export function parseByteSize(text: string): number | undefined {
  const match = SIZE.exec(text.trim());
  if (!match) return undefined;
  const unit = match[2] ? UNIT[match[2].toLowerCase()] : 1;
  return Math.floor(Number(match[1]) * unit);
}
