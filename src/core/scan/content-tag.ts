// Content tags: what tells a rewritten protected file from an unchanged one. A tag is only
// compared with the base image's tag for the same path, in the same run; it is never shown or
// kept. So bodies of 16 KiB and more are tagged with GMAC (GHASH of the body under AES-256-GCM,
// with a key drawn at random for each run) rather than sha256, several times faster
// (docs/performance.md), and a CUDA base image puts gigabytes of libraries under /usr, all of
// which are tagged.
// GHASH with a secret key is almost universal: whoever built the image does not know the key,
// so two different bodies of the same length get the same tag with a chance of at most
// (16-byte blocks + 1) / 2^128. Smaller bodies keep sha256, which costs less per call. The
// method depends on the size alone, and sizes are compared before tags, so a tag is only ever
// compared with one made the same way.
import { createCipheriv, createHash, hash, randomBytes, type CipherGCM, type Hash } from 'node:crypto';

/** Bytes of a stored tag (a sha256 digest; a 16-byte GMAC tag is padded with zeros). */
export const TAG_BYTES = 32;
/** Bodies from this size on are tagged with GMAC. */
export const KEYED_FROM = 16 * 1024;
/** GMAC never encrypts and its tags never leave the run, so one nonce for every body is safe. */
const NONCE = Buffer.alloc(12);

/** A fresh key for one run's tags: every thread that makes tags for one image shares it. */
export function newTagKey(): Uint8Array {
  return new Uint8Array(randomBytes(32));
}

/** A tag made piece by piece. */
export interface TagInProgress {
  update(part: Uint8Array): void;
  finish(): Uint8Array;
}

export class ContentTagger {
  constructor(private readonly key: Uint8Array) {}

  /** The tag of a body given whole. */
  whole(body: Uint8Array): Uint8Array {
    if (body.length < KEYED_FROM) return hash('sha256', body, 'buffer');
    const mac = this.mac();
    mac.setAAD(body);
    return gmacTag(mac);
  }

  /** A tag for a body of `size` bytes that arrives in pieces. */
  start(size: number): TagInProgress {
    if (size < KEYED_FROM) return new Sha256Tag(createHash('sha256'));
    return new GmacTag(this.mac());
  }

  private mac(): CipherGCM {
    return createCipheriv('aes-256-gcm', this.key, NONCE);
  }
}

function gmacTag(mac: CipherGCM): Uint8Array {
  mac.final();
  const tag = new Uint8Array(TAG_BYTES);
  tag.set(mac.getAuthTag());
  return tag;
}

class Sha256Tag implements TagInProgress {
  constructor(private readonly h: Hash) {}
  update(part: Uint8Array): void {
    this.h.update(part);
  }
  finish(): Uint8Array {
    return this.h.digest();
  }
}

class GmacTag implements TagInProgress {
  constructor(private readonly mac: CipherGCM) {}
  update(part: Uint8Array): void {
    // Additional authenticated data may be given in pieces before any encryption (OpenSSL
    // carries a partial block over); nothing is ever encrypted here.
    this.mac.setAAD(part);
  }
  finish(): Uint8Array {
    return gmacTag(this.mac);
  }
}
