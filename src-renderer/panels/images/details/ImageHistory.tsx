// The History tab: the image's layers newest first, as `docker history` shows them — the instruction
// that made each one, its size, and when.
import type { ImageDetails } from '../../../../src-main/shared/contract/images';
import { RelativeTime } from '../../containers/cells';
import { formatSize, shortImageId } from '../images.presentation';

/** "/bin/sh -c #(nop)  CMD [...]" → "CMD [...]"; "/bin/sh -c apt-get …" → "RUN apt-get …". */
export function instructionOf(createdBy: string): string {
  const nop = /^\/bin\/sh -c #\(nop\)\s+/.exec(createdBy);
  if (nop) return createdBy.slice(nop[0].length).trim();
  const shell = /^\/bin\/sh -c\s+/.exec(createdBy);
  if (shell) return `RUN ${createdBy.slice(shell[0].length).trim()}`;
  return createdBy.trim();
}

export function ImageHistory({ details }: { details: ImageDetails }) {
  const total = details.history.reduce((sum, layer) => sum + layer.size, 0);
  return (
    <div className="details-tab-body">
      <p className="img-history-summary muted">
        {details.history.length} {details.history.length === 1 ? 'layer' : 'layers'} · {formatSize(total)}
      </p>
      <table className="kv-table img-history" aria-label="Layers">
        <thead>
          <tr>
            <th>Instruction</th>
            <th className="img-num">Size</th>
            <th>Created</th>
            <th>Layer</th>
          </tr>
        </thead>
        <tbody>
          {details.history.map((layer, index) => (
            <tr key={`${layer.id}-${index}`}>
              <td className="mono img-instruction" title={layer.createdBy}>
                <span className="img-instruction-text">{instructionOf(layer.createdBy) || <span className="faint">(empty)</span>}</span>
              </td>
              <td className={`img-num${layer.size === 0 ? ' faint' : ''}`}>{formatSize(layer.size)}</td>
              <td className="muted">{layer.created > 0 ? <RelativeTime epochSeconds={layer.created} /> : '—'}</td>
              <td className="mono faint">{layer.id === '<missing>' ? 'missing' : shortImageId(layer.id)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
