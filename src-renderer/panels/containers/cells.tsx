// Small display pieces shared by the list rows and the details pane.
import type { ContainerSummary, PortBinding } from '../../../src-main/shared/dto';
import { useNow } from '../../ui/useNow';
import {
  formatAbsoluteTime,
  formatRelativeTime,
  healthLabel,
  healthTone,
  portLinks,
  progressLabel,
  stateLabel,
  stateTone,
  type PanelAction,
} from './containers.presentation';

export function StateBadge({ container, pending }: { container: ContainerSummary; pending?: PanelAction }) {
  if (pending) {
    return (
      <span className="badge badge-info state-badge">
        <span className="spinner spinner-xs" aria-hidden />
        {progressLabel(pending)}
      </span>
    );
  }
  const health = healthLabel(container.health);
  return (
    <span className="state-cell">
      <span className={`badge badge-${stateTone(container)} state-badge`} title={container.status}>
        <span className="badge-dot" aria-hidden />
        {stateLabel(container)}
      </span>
      {health && container.state === 'running' && (
        <span className={`badge badge-${healthTone(container.health!)} health-badge`} title={container.status}>
          {health}
        </span>
      )}
    </span>
  );
}

const MAX_INLINE_PORTS = 2;

export function PortLinks({ ports, all = false }: { ports: readonly PortBinding[]; all?: boolean }) {
  const links = portLinks(ports);
  if (links.length === 0) return <span className="muted">—</span>;
  const shown = all ? links : links.slice(0, MAX_INLINE_PORTS);
  const hidden = links.length - shown.length;
  return (
    <span className="port-links">
      {shown.map((link) =>
        link.href ? (
          <a
            key={link.text}
            href={link.href}
            target="_blank"
            rel="noreferrer"
            title={link.title}
            className="port-link"
            onClick={(e) => e.stopPropagation()}
          >
            {link.text}
          </a>
        ) : (
          <span key={link.text} className="port-text" title={link.title}>
            {link.text}
          </span>
        ),
      )}
      {hidden > 0 && (
        <span className="muted" title={links.slice(MAX_INLINE_PORTS).map((l) => l.text).join(', ')}>
          +{hidden}
        </span>
      )}
    </span>
  );
}

/** "5 min ago", kept live by a shared 10-second clock. */
export function RelativeTime({ epochSeconds }: { epochSeconds: number }) {
  const now = useNow(10_000);
  return (
    <time dateTime={new Date(epochSeconds * 1000).toISOString()} title={formatAbsoluteTime(epochSeconds)}>
      {formatRelativeTime(epochSeconds, now)}
    </time>
  );
}
