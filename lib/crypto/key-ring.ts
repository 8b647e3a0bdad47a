import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { KEY_BYTES, open, seal } from "./aead";
import type { KeyEncryptionKeys } from "./key-encryption-keys";

/** A data key as stored: the key sealed under a KEK, and that KEK's id. */
export type WrappedDataKey = { id: string; wrappedKey: string; kekId: string };

type CachedKey = { key: Buffer; expiresAt: number };
type OpenedValue = { field: string; keyId: string; text: string; expiresAt: number };

export type KeyRingOptions = {
  /** Unwrapped data keys kept in memory: enough for every active person and couple of a busy server. */
  maxKeys?: number;
  /**
   * Decrypted values kept in memory (decision 041), counted in characters of stored value and
   * text together, so that long notes cannot grow it past a known size: a few full lists for
   * each of many people.
   */
  maxValueChars?: number;
  /** A destroyed key leaves every server's memory within this time, whatever that server saw. */
  ttlMs?: number;
  now?: () => number;
};

function wrapAssociatedData(dataKeyId: string): string {
  return `data-key:${dataKeyId}`;
}

/**
 * Data keys, unwrapped on demand and cached in a bounded least-recently-used map with a time
 * limit. Unwrapping is one AES-GCM operation, but fetching the wrapped key is a query: the
 * cache keeps a page to one query for the keys it has not seen recently.
 */
export class KeyRing {
  private readonly keys = new Map<string, CachedKey>();
  /** "USER:<id>" / "COUPLE:<id>" / "APP" -> the id of the data key writes use. */
  private readonly owners = new Map<string, { keyId: string; expiresAt: number }>();
  /** Stored value ("enc:v1:...") -> its text, and the field it was opened for. */
  private readonly values = new Map<string, OpenedValue>();
  private readonly maxKeys: number;
  private readonly maxValueChars: number;
  private valueChars = 0;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    readonly keks: KeyEncryptionKeys,
    options: KeyRingOptions = {},
  ) {
    this.maxKeys = options.maxKeys ?? 10_000;
    this.maxValueChars = options.maxValueChars ?? 16_000_000;
    this.ttlMs = options.ttlMs ?? 10 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * A new random data key, wrapped under the current KEK. Not remembered: a caller remembers it
   * once it is stored, or is being stored in the same statement as its owner, since another
   * request may store a different key under the same id first (the app's key has a fixed id).
   */
  newDataKey(id: string = randomUUID()): { key: Buffer; wrapped: WrappedDataKey } {
    const key = randomBytes(KEY_BYTES);
    return { key, wrapped: { id, ...this.wrap(id, key) } };
  }

  wrap(id: string, key: Buffer): { wrappedKey: string; kekId: string } {
    const { current } = this.keks;
    return { wrappedKey: seal(current.key, key, wrapAssociatedData(id)).toString("base64url"), kekId: current.id };
  }

  /** The stored key opened with whichever KEK wrapped it (current or, during a rotation, previous). */
  unwrap(stored: WrappedDataKey): Buffer {
    const kek = [this.keks.current, this.keks.previous].find((candidate) => candidate?.id === stored.kekId);
    if (!kek) {
      throw new Error(
        `Data key ${stored.id} is wrapped by key-encryption key ${stored.kekId}, which this process does not have ` +
          `(it has ${[this.keks.current, this.keks.previous].filter(Boolean).map((k) => k!.id).join(" and ")}). ` +
          "Set DATA_ENCRYPTION_KEY (and DATA_ENCRYPTION_KEY_PREVIOUS during a rotation) or restore the key file it was written with.",
      );
    }
    const key = open(kek.key, Buffer.from(stored.wrappedKey, "base64url"), wrapAssociatedData(stored.id));
    this.remember(stored.id, key);
    return key;
  }

  /** Whether the stored key is wrapped by the current KEK (else `keys:rotate` rewraps it). */
  isCurrent(stored: Pick<WrappedDataKey, "kekId">): boolean {
    return stored.kekId === this.keks.current.id;
  }

  cached(id: string): Buffer | undefined {
    const entry = this.keys.get(id);
    if (!entry) return undefined;
    this.keys.delete(id);
    if (entry.expiresAt <= this.now()) return undefined;
    this.keys.set(id, entry);
    return entry.key;
  }

  remember(id: string, key: Buffer): void {
    this.keys.delete(id);
    this.keys.set(id, { key, expiresAt: this.now() + this.ttlMs });
    while (this.keys.size > this.maxKeys) this.keys.delete(this.keys.keys().next().value as string);
  }

  ownerKeyId(owner: string): string | undefined {
    const entry = this.owners.get(owner);
    if (!entry) return undefined;
    this.owners.delete(owner);
    if (entry.expiresAt <= this.now()) return undefined;
    this.owners.set(owner, entry);
    return entry.keyId;
  }

  rememberOwner(owner: string, keyId: string): void {
    this.owners.delete(owner);
    this.owners.set(owner, { keyId, expiresAt: this.now() + this.ttlMs });
    while (this.owners.size > this.maxKeys) this.owners.delete(this.owners.keys().next().value as string);
  }

  /**
   * The text of a stored value this process decrypted lately, while the key that opens it is
   * still in memory: a page drawn again (after every change on a long list) decrypts only what
   * changed. A value is never readable here longer than its key would be, nor in another field
   * than the one it was opened for (its associated data binds it there: lib/crypto/ciphertext.ts).
   */
  openedText(field: string, stored: string): string | undefined {
    const entry = this.values.get(stored);
    if (!entry || entry.field !== field) return undefined;
    this.forgetOpened(stored);
    if (entry.expiresAt <= this.now() || !this.cached(entry.keyId)) return undefined;
    this.keepOpened(stored, entry);
    return entry.text;
  }

  rememberOpened(field: string, stored: string, keyId: string, text: string): void {
    this.forgetOpened(stored);
    this.keepOpened(stored, { field, keyId, text, expiresAt: this.now() + this.ttlMs });
    // The least recently used go first; a single value larger than the whole budget is not kept.
    while (this.valueChars > this.maxValueChars) this.forgetOpened(this.values.keys().next().value as string);
  }

  private keepOpened(stored: string, entry: OpenedValue): void {
    this.values.set(stored, entry);
    this.valueChars += stored.length + entry.text.length;
  }

  private forgetOpened(stored: string): void {
    const entry = this.values.get(stored);
    if (!entry) return;
    this.values.delete(stored);
    this.valueChars -= stored.length + entry.text.length;
  }

  /** After keys were destroyed: nothing this process remembers may outlive them. */
  forgetAll(): void {
    this.keys.clear();
    this.owners.clear();
    this.values.clear();
    this.valueChars = 0;
  }

  get size(): number {
    return this.keys.size;
  }
}
