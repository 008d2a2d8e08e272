// The Containers panel's own empty states: no containers at all, and a filter that matches nothing.
// Engine and loading states are shared by every panel (ui/resource-panel).
import { Container } from 'lucide-react';
import { NoMatches } from '../../ui/resource-panel/ResourceStates';
import { useContainersView } from './view-store';

export function NoContainers() {
  return (
    <div className="empty-state" role="region" aria-label="No containers">
      <Container aria-hidden />
      <h2>No containers yet</h2>
      <p>Containers you create on this engine appear here at once, running or stopped. Try:</p>
      <pre className="empty-state-hint">docker run -d --name hello -p 8080:80 nginx</pre>
    </div>
  );
}

export function NoContainerMatches({ filter }: { filter: string }) {
  return (
    <NoMatches
      noun="containers"
      filter={filter}
      looksAt="names, images, ID prefixes, compose projects and states"
      onClear={() => useContainersView.getState().setFilter('')}
    />
  );
}
