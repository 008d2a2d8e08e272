// Image references as the Docker distribution grammar defines them:
//   reference := name [":" tag] ["@" digest]
//   name      := [domain "/"] path-component ["/" path-component]*
//   domain    := host [":" port]   (a first component is a domain when it has a "." or ":" or is "localhost")
// plus bare image ids (sha256:<64 hex>). Used to validate the Image field and to tell whether an image
// came from a registry (only then is there anything to pull).

export interface ImageRef {
  /** Registry host[:port] when the reference names one explicitly. */
  domain?: string;
  /** Repository path without the domain, e.g. "library/redis" is written as "redis". */
  path: string;
  tag?: string;
  digest?: string;
}

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const IMAGE_ID = /^sha256:[0-9a-f]{64}$/;

export type ImageRefResult = { ok: true; ref: ImageRef } | { ok: false; error: string };

export function parseImageRef(input: string): ImageRefResult {
  const value = input.trim();
  if (!value) return { ok: false, error: 'Choose an image, e.g. fixture/busybox or 127.0.0.1:5001/busybox:latest.' };
  if (value !== input) return { ok: false, error: 'Image references cannot start or end with spaces.' };
  if (/\s/.test(value)) return { ok: false, error: 'Image references cannot contain spaces.' };
  if (IMAGE_ID.test(value)) return { ok: true, ref: { path: value } };

  let rest = value;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return { ok: false, error: `"@${digest}" is not a digest (expected @sha256:<hex>).` };
  }
  let tag: string | undefined;
  const lastColon = rest.lastIndexOf(':');
  if (lastColon > rest.lastIndexOf('/')) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
    if (!TAG.test(tag)) {
      return { ok: false, error: `"${tag}" is not a valid tag (letters, digits, _ . -; up to 128; not starting with . or -).` };
    }
  }
  if (!rest) return { ok: false, error: 'The image reference has no repository name.' };
  if (rest.length > 255) return { ok: false, error: 'Repository names are at most 255 characters.' };

  const components = rest.split('/');
  let domain: string | undefined;
  // Docker's rule: the first component is a registry when it has a "." or ":", is "localhost", or has capitals.
  const first = components[0];
  if (components.length > 1 && (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase())) {
    domain = components.shift();
    if (!DOMAIN.test(domain!)) return { ok: false, error: `"${domain}" is not a registry host[:port].` };
  }
  for (const component of components) {
    if (!component) return { ok: false, error: 'The repository path has an empty part ("//" or a trailing "/").' };
    if (/[A-Z]/.test(component)) {
      return { ok: false, error: `Repository names must be lowercase: "${component}" → "${component.toLowerCase()}".` };
    }
    if (!PATH_COMPONENT.test(component)) {
      return { ok: false, error: `"${component}" is not a valid repository name part (lowercase letters, digits, and . _ - between them).` };
    }
  }
  return { ok: true, ref: { ...(domain ? { domain } : {}), path: components.join('/'), ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) } };
}

export function isImageId(value: string): boolean {
  return IMAGE_ID.test(value) || /^[0-9a-f]{12,64}$/.test(value);
}

/** "redis" → "redis:latest"; keeps explicit tags and digests. The form Docker lists local tags in. */
export function withDefaultTag(reference: string): string {
  const parsed = parseImageRef(reference);
  if (!parsed.ok || parsed.ref.tag || parsed.ref.digest || IMAGE_ID.test(reference)) return reference;
  return `${reference}:latest`;
}

/** The repository part of a reference ("127.0.0.1:5001/busybox:1" → "127.0.0.1:5001/busybox"). */
export function repositoryOf(reference: string): string {
  const parsed = parseImageRef(reference);
  if (!parsed.ok) return reference;
  return parsed.ref.domain ? `${parsed.ref.domain}/${parsed.ref.path}` : parsed.ref.path;
}
