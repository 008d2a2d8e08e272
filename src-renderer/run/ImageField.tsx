// The Image field: suggests the engine's local tags (a datalist, so typing any reference still works)
// and says, once the reference is valid, whether the image is here or will be pulled first.
import { useEffect, useId, useState } from 'react';
import type { LocalImageTag } from '../../src-main/shared/contract/images';
import { parseImageRef } from '../../src-main/shared/run';
import { client } from '../ipc/client';
import { TextField } from './RunFields';

type Presence = { state: 'unknown' } | { state: 'checking' } | { state: 'present' } | { state: 'missing'; from: string } | { state: 'error'; message: string };

function useLocalTags(engineId: string): LocalImageTag[] {
  const [tags, setTags] = useState<LocalImageTag[]>([]);
  useEffect(() => {
    let live = true;
    client.invoke('images.tags', { engineId }).then(
      (list) => live && setTags(list),
      () => live && setTags([]), // suggestions are a convenience: typing still works without them
    );
    return () => {
      live = false;
    };
  }, [engineId]);
  return tags;
}

function usePresence(engineId: string, image: string): Presence {
  const [presence, setPresence] = useState<Presence>({ state: 'unknown' });
  useEffect(() => {
    const parsed = parseImageRef(image);
    if (!parsed.ok) {
      setPresence({ state: 'unknown' });
      return;
    }
    let live = true;
    setPresence({ state: 'checking' });
    const timer = setTimeout(() => {
      client.invoke('images.presence', { engineId, image }).then(
        (result) => live && setPresence(result.present ? { state: 'present' } : { state: 'missing', from: parsed.ref.domain ?? 'Docker Hub' }),
        (err: unknown) => live && setPresence({ state: 'error', message: err instanceof Error ? err.message : String(err) }),
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [engineId, image]);
  return presence;
}

function presenceHint(presence: Presence) {
  switch (presence.state) {
    case 'present':
      return <span className="run-presence run-presence-ok">On this engine</span>;
    case 'missing':
      return <span className="run-presence run-presence-info">Not on this engine: Run pulls it from {presence.from} first</span>;
    case 'checking':
      return <span className="run-presence">Looking for it on the engine…</span>;
    case 'error':
      return <span className="run-presence">{presence.message}</span>;
    default:
      return 'A local image, or [registry/]name[:tag][@digest]';
  }
}

interface ImageFieldProps {
  engineId: string;
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  error?: string;
}

export function ImageField({ engineId, value, onChange, onBlur, error }: ImageFieldProps) {
  const listId = useId();
  const tags = useLocalTags(engineId);
  const presence = usePresence(engineId, value.trim());
  return (
    <>
      <TextField
        label="Image"
        value={value}
        onChange={onChange}
        onBlur={onBlur}
        error={error}
        hint={presenceHint(presence)}
        placeholder="fixture/busybox"
        list={listId}
        mono
      />
      <datalist id={listId}>
        {tags.map((tag) => (
          <option key={tag.tag} value={tag.tag} />
        ))}
      </datalist>
    </>
  );
}
