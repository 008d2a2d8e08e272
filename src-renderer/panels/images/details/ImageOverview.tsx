// The Overview tab: how a container from this image starts (entrypoint, command, user, working dir,
// ports, volumes), its environment and labels, its names, and the containers created from it.
import type { ReactNode } from 'react';
import type { ImageDetails } from '../../../../src-main/shared/contract/images';
import type { ContainerSummary } from '../../../../src-main/shared/dto';
import { containerStateWord } from '../images.presentation';

function Empty() {
  return <span className="faint">—</span>;
}

function argv(words: readonly string[]): ReactNode {
  if (words.length === 0) return <Empty />;
  return <code className="img-argv">{JSON.stringify(words)}</code>;
}

function KeyValues({ label, entries }: { label: string; entries: { key: string; value: string }[] }) {
  return (
    <section className="img-section" aria-label={label}>
      <h3 className="img-section-title">
        {label} <span className="faint">{entries.length}</span>
      </h3>
      {entries.length === 0 ? (
        <p className="details-empty img-empty">None</p>
      ) : (
        <table className="kv-table">
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.key}>
                <td className="mono">{entry.key}</td>
                <td className="mono selectable">{entry.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function ImageOverview({ details, users }: { details: ImageDetails; users: readonly ContainerSummary[] }) {
  const facts: [string, ReactNode][] = [
    ['Entrypoint', argv(details.entrypoint)],
    ['Command', argv(details.cmd)],
    ['Working dir', details.workingDir ? <code>{details.workingDir}</code> : <Empty />],
    ['User', details.user ? <code>{details.user}</code> : <span className="faint">root (default)</span>],
    ['Exposed ports', details.exposedPorts.length ? <code>{details.exposedPorts.join(', ')}</code> : <Empty />],
    ['Volumes', details.volumes.length ? <code>{details.volumes.join(', ')}</code> : <Empty />],
    ['Stop signal', details.stopSignal ? <code>{details.stopSignal}</code> : <Empty />],
    ['Platform', `${details.os}/${details.architecture}`],
    ['Tags', details.repoTags.length ? <code>{details.repoTags.join(', ')}</code> : <span className="faint">none (dangling)</span>],
    ['Digests', details.repoDigests.length ? <code className="img-digests">{details.repoDigests.join('\n')}</code> : <span className="faint">none (built or loaded here)</span>],
    [
      'Used by',
      users.length ? (
        <span>{users.map((c) => `${c.name} (${containerStateWord(c)})`).join(', ')}</span>
      ) : (
        <span className="faint">no containers</span>
      ),
    ],
  ];
  return (
    <div className="details-tab-body img-overview">
      <dl className="img-facts">
        {facts.map(([term, value]) => (
          <div key={term} className="img-fact">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <KeyValues label="Environment" entries={details.env} />
      <KeyValues label="Labels" entries={Object.entries(details.labels).map(([key, value]) => ({ key, value }))} />
    </div>
  );
}
