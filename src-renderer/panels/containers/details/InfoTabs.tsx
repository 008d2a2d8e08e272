// The plain tabular tabs of the details pane: environment, mounts, ports, labels, networks.
import type { ReactNode } from 'react';
import type { ContainerDetails } from '../../../../src-main/shared/dto';
import { PortLinks } from '../cells';

function Table({ label, head, rows, empty }: { label: string; head: string[]; rows: ReactNode[][]; empty: string }) {
  if (rows.length === 0) return <p className="details-empty">{empty}</p>;
  return (
    <table className="kv-table" aria-label={label}>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((cells, i) => (
          <tr key={i}>
            {cells.map((cell, j) => (
              <td key={j}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const mono = (text: string) => <span className="mono selectable">{text}</span>;

export function EnvironmentTab({ details }: { details: ContainerDetails }) {
  return (
    <div className="details-tab-body">
      <Table
        label="Environment variables"
        head={['Variable', 'Value']}
        rows={details.env.map((e) => [mono(e.key), mono(e.value)])}
        empty="No environment variables."
      />
    </div>
  );
}

export function MountsTab({ details }: { details: ContainerDetails }) {
  return (
    <div className="details-tab-body">
      <Table
        label="Mounts"
        head={['Type', 'Source', 'Destination', 'Mode']}
        rows={details.mounts.map((m) => [
          m.type,
          mono(m.type === 'volume' && m.name ? m.name : m.source),
          mono(m.destination),
          m.readOnly ? 'read-only' : 'read-write',
        ])}
        empty="No volumes or bind mounts."
      />
    </div>
  );
}

export function PortsTab({ details }: { details: ContainerDetails }) {
  return (
    <div className="details-tab-body">
      <Table
        label="Ports"
        head={['Container port', 'Host', 'Open']}
        rows={details.ports.map((p) => [
          mono(`${p.containerPort}/${p.protocol}`),
          p.hostPort ? mono(`${p.hostIp ?? '0.0.0.0'}:${p.hostPort}`) : <span className="muted">not published</span>,
          p.hostPort ? <PortLinks ports={[p]} all /> : <span className="muted">—</span>,
        ])}
        empty="No ports exposed or published."
      />
    </div>
  );
}

export function LabelsTab({ details }: { details: ContainerDetails }) {
  const labels = Object.entries(details.labels).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div className="details-tab-body">
      <Table label="Labels" head={['Label', 'Value']} rows={labels.map(([k, v]) => [mono(k), mono(v)])} empty="No labels." />
    </div>
  );
}

export function NetworksTab({ details }: { details: ContainerDetails }) {
  return (
    <div className="details-tab-body">
      <Table
        label="Networks"
        head={['Network', 'IP address', 'Gateway', 'MAC address', 'Aliases']}
        rows={details.networks.map((n) => [
          n.name,
          mono(n.ipAddress || '—'),
          mono(n.gateway || '—'),
          mono(n.macAddress || '—'),
          n.aliases.length ? mono(n.aliases.join(', ')) : <span className="muted">—</span>,
        ])}
        empty="Not attached to any network."
      />
    </div>
  );
}
