// The engine's refusals while creating or starting a container, in words, tied to the dialog field
// they are about. Main rewrites the message and marks the field in the error's detail ("field:ports");
// the renderer reads the field back to show the message beside it.
import type { RunField } from './spec';

export interface RunFailure {
  message: string;
  field?: RunField;
}

const FIELD_DETAIL = /^field:([A-Za-z]+)/;

export function fieldDetail(field: RunField | undefined): string | undefined {
  return field ? `field:${field}` : undefined;
}

export function fieldFromDetail(detail: string | undefined): RunField | undefined {
  const match = detail ? FIELD_DETAIL.exec(detail) : null;
  return match ? (match[1] as RunField) : undefined;
}

/** Turns the engine's sentence into one a person acts on. Unknown messages pass through unchanged. */
export function describeRunFailure(engineMessage: string, context: { name?: string; entrypoint?: string } = {}): RunFailure {
  const message = engineMessage.trim();
  let match = /Bind for (\S+?):(\d+) failed: port is already allocated/i.exec(message);
  if (match) {
    return { field: 'ports', message: `Host port ${match[2]} is already published by another container. Choose another host port.` };
  }
  match = /listen (?:tcp|udp|sctp)\d? (\S+?):(\d+): bind: address already in use/i.exec(message);
  if (match) {
    return { field: 'ports', message: `Host port ${match[2]} is already in use by another program on this machine. Choose another host port.` };
  }
  match = /cannot assign requested address|bind: cannot assign/i.exec(message);
  if (match) return { field: 'ports', message: 'That host IP address does not belong to this machine. Leave the IP out or use one the host has.' };
  match = /container name "\/?([^"]+)" is already in use/i.exec(message);
  if (match) {
    return { field: 'name', message: `A container named "${match[1]}" already exists. Choose another name, or remove that container first.` };
  }
  match = /network (\S+) not found/i.exec(message);
  if (match) return { field: 'network', message: `There is no network "${match[1]}" on this engine.` };
  if (/network-scoped alias is supported only/i.test(message)) {
    return { field: 'networkAliases', message: 'Network aliases need a user-defined network; the default bridge does not support them.' };
  }
  match = /Could not get container for (\S+)/i.exec(message);
  if (match) return { field: 'links', message: `Cannot link to "${match[1]}": there is no such container.` };
  if (/Cannot link to a non running container/i.test(message)) {
    return { field: 'links', message: 'Linked containers must be running.' };
  }
  match = /No such container: (\S+)/i.exec(message);
  if (match) return { field: 'volumesFrom', message: `There is no container "${match[1]}" to take volumes from.` };
  match = /invalid mount config for type "bind": bind source path does not exist: (\S+)/i.exec(message);
  if (match) return { field: 'mounts', message: `The bind source ${match[1]} does not exist on the engine's host.` };
  match = /Duplicate mount point: (\S+)/i.exec(message);
  if (match) return { field: 'volumes', message: `Two mounts use ${match[1]}.` };
  match = /Range of CPUs is from ([\d.]+) to ([\d.]+)/i.exec(message);
  if (match) return { field: 'cpus', message: `CPUs must be between ${match[1]} and ${match[2]} on this engine.` };
  if (/Minimum memory limit allowed is/i.test(message)) return { field: 'memory', message: 'Docker needs at least 6m (6 MiB) of memory for a container.' };
  match = /exec: "([^"]+)": (?:executable file not found in \$PATH|stat [^:]+: no such file or directory)/i.exec(message);
  if (match) {
    return {
      field: context.entrypoint ? 'entrypoint' : 'command',
      message: `"${match[1]}" was not found in the image. Check the command, or the image's PATH.`,
    };
  }
  if (/unable to find user ([^:]+): no matching entries in passwd file/i.test(message)) {
    const user = /unable to find user ([^:]+)/i.exec(message)?.[1];
    return { field: 'user', message: `The image has no user "${user}". Use a uid (e.g. 1000) or a user the image defines.` };
  }
  if (/permission denied/i.test(message) && /exec/i.test(message)) {
    return { field: context.entrypoint ? 'entrypoint' : 'command', message: 'The command is not executable in the image (permission denied).' };
  }
  match = /No such image: (\S+)/i.exec(message);
  if (match) return { field: 'image', message: `The image ${match[1]} is not on this engine.` };
  return { message };
}
