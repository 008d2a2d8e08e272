// -p / --publish values: [ip:][hostPort[-end]:]containerPort[-end][/tcp|udp|sctp], as Docker reads them
// (go-connections nat.ParsePortSpec). Ranges expand to one mapping per port; a host range with a single
// container port means "any free host port in this range".

export type PortProtocol = 'tcp' | 'udp' | 'sctp';

export interface PortMapping {
  /** Host address; '' = every address. */
  hostIp: string;
  /** Host port, a range "8000-8010" to pick from, or '' for a random one. */
  hostPort: string;
  containerPort: number;
  protocol: PortProtocol;
}

export type PortParseResult = { ok: true; mappings: PortMapping[] } | { ok: false; error: string };

const PROTOCOLS: readonly string[] = ['tcp', 'udp', 'sctp'];

interface PortRange {
  start: number;
  end: number;
}

function parseRange(text: string, what: string): PortRange | string {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!match) return `${what} "${text}" is not a number or a range like 8000-8010.`;
  const start = Number(match[1]);
  const end = match[2] === undefined ? start : Number(match[2]);
  for (const port of [start, end]) {
    if (port < 1 || port > 65535) return `${what} ${port} is out of range (1–65535).`;
  }
  if (end < start) return `${what} range ${text} ends before it starts.`;
  return { start, end };
}

/** Splits "[ip:]host:container" where ip may be a bracketed IPv6 address. */
function splitAddress(spec: string): { ip: string; host: string; container: string } | string {
  if (spec.startsWith('[')) {
    const close = spec.indexOf(']');
    if (close < 0 || spec[close + 1] !== ':') return `"${spec}": an IPv6 host address is written [::1]:8080:80.`;
    const ip = spec.slice(1, close);
    const parts = spec.slice(close + 2).split(':');
    if (parts.length !== 2) return `"${spec}": expected [ip]:hostPort:containerPort.`;
    return { ip, host: parts[0], container: parts[1] };
  }
  const parts = spec.split(':');
  if (parts.length === 1) return { ip: '', host: '', container: parts[0] };
  if (parts.length === 2) return { ip: '', host: parts[0], container: parts[1] };
  if (parts.length === 3) return { ip: parts[0], host: parts[1], container: parts[2] };
  return `"${spec}" has too many ":" (expected [ip:]hostPort:containerPort; write IPv6 addresses in brackets).`;
}

function validIp(ip: string): boolean {
  if (ip === '') return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (v4) return v4.slice(1).every((part) => Number(part) <= 255);
  return /^[0-9a-fA-F:.]+$/.test(ip) && ip.includes(':');
}

export function parsePortSpec(input: string): PortParseResult {
  const spec = input.trim();
  if (!spec) return { ok: false, error: 'Empty port mapping.' };
  let protocol: PortProtocol = 'tcp';
  let body = spec;
  const slash = spec.lastIndexOf('/');
  if (slash >= 0) {
    const proto = spec.slice(slash + 1).toLowerCase();
    if (!PROTOCOLS.includes(proto)) return { ok: false, error: `Protocol "${spec.slice(slash + 1)}" is not tcp, udp or sctp.` };
    protocol = proto as PortProtocol;
    body = spec.slice(0, slash);
  }
  const address = splitAddress(body);
  if (typeof address === 'string') return { ok: false, error: address };
  if (!validIp(address.ip)) return { ok: false, error: `"${address.ip}" is not an IP address.` };
  if (!address.container) return { ok: false, error: `"${spec}" has no container port.` };
  const container = parseRange(address.container, 'Container port');
  if (typeof container === 'string') return { ok: false, error: container };
  let host: PortRange | undefined;
  if (address.host) {
    const parsed = parseRange(address.host, 'Host port');
    if (typeof parsed === 'string') return { ok: false, error: parsed };
    host = parsed;
  }
  const containerCount = container.end - container.start;
  if (host && host.end - host.start !== containerCount && containerCount !== 0) {
    return {
      ok: false,
      error: `Port ranges differ in size: host ${address.host} has ${host.end - host.start + 1} ports, container ${address.container} has ${containerCount + 1}.`,
    };
  }
  const mappings: PortMapping[] = [];
  for (let port = container.start; port <= container.end; port++) {
    let hostPort = '';
    if (host) {
      hostPort =
        containerCount === 0 && host.end !== host.start
          ? `${host.start}-${host.end}` // a pool to pick one free port from
          : String(host.start + (port - container.start));
    }
    mappings.push({ hostIp: address.ip, hostPort, containerPort: port, protocol });
  }
  return { ok: true, mappings };
}

/** "8080:80" style text for one mapping (used when turning an inspected container back into -p values). */
export function formatPortMapping(mapping: PortMapping): string {
  const ip = mapping.hostIp ? (mapping.hostIp.includes(':') ? `[${mapping.hostIp}]:` : `${mapping.hostIp}:`) : '';
  const proto = mapping.protocol === 'tcp' ? '' : `/${mapping.protocol}`;
  if (!mapping.hostPort && !ip) return `${mapping.containerPort}${proto}`;
  return `${ip}${mapping.hostPort}:${mapping.containerPort}${proto}`;
}
