// The name a `docker tag` gives an image, checked with the image-reference grammar the run dialog uses:
// the Tag dialog validates as the person types, and main checks again before the engine sees it.
import { isImageId, parseImageRef } from '../run/image-ref';

export type TagTargetResult = { ok: true; repo: string; tag: string; reference: string } | { ok: false; error: string };

export function parseTagTarget(input: string): TagTargetResult {
  const value = input.trim();
  if (!value) return { ok: false, error: 'Type the new name, e.g. myapp:1.0 or 127.0.0.1:5001/myapp:1.0.' };
  if (isImageId(value) || /^sha256:/.test(value)) return { ok: false, error: `"${value}" looks like an image id; a tag needs a repository name.` };
  const parsed = parseImageRef(value);
  if (!parsed.ok) return parsed;
  if (parsed.ref.digest) return { ok: false, error: 'A tag cannot carry a digest (@sha256:…): digests come from a registry.' };
  const repo = parsed.ref.domain ? `${parsed.ref.domain}/${parsed.ref.path}` : parsed.ref.path;
  const tag = parsed.ref.tag ?? 'latest';
  return { ok: true, repo, tag, reference: `${repo}:${tag}` };
}
