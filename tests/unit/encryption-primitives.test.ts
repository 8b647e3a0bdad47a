import { describe, expect, it } from "vitest";
import { open, seal } from "@/lib/crypto/aead";
import { decryptField, encryptField, parseCiphertext } from "@/lib/crypto/ciphertext";
import { decodeKeyMaterial, keyEncryptionKey } from "@/lib/crypto/key-encryption-keys";
import { KeyRing } from "@/lib/crypto/key-ring";

const key = Buffer.alloc(32, 1);
const KEY_ID = "6f1c2a4e-8b7d-4c3a-9e2f-1a2b3c4d5e6f";

describe("AES-256-GCM fields", () => {
  it("round-trips text, with a fresh nonce each time", () => {
    const first = encryptField("Note.body", KEY_ID, key, "Ich höre dir zu 🙂");
    const second = encryptField("Note.body", KEY_ID, key, "Ich höre dir zu 🙂");
    expect(first).not.toBe(second);
    expect(first.startsWith(`enc:v1:${KEY_ID}:`)).toBe(true);
    expect(decryptField("Note.body", parseCiphertext(first)!, key)).toBe("Ich höre dir zu 🙂");
  });

  it("refuses a changed byte, another field's ciphertext, or the wrong key", () => {
    const sealed = encryptField("Note.body", KEY_ID, key, "private");
    const parsed = parseCiphertext(sealed)!;
    const flipped = Buffer.from(parsed.sealed);
    flipped[14] = flipped[14]! ^ 1;
    expect(() => decryptField("Note.body", { ...parsed, sealed: flipped }, key)).toThrow();
    expect(() => decryptField("Note.title", parsed, key)).toThrow();
    expect(() => decryptField("Note.body", parsed, Buffer.alloc(32, 2))).toThrow();
    expect(() => open(key, seal(key, Buffer.from("x"), "a"), "b")).toThrow();
  });

  it("recognises only its own format", () => {
    expect(parseCiphertext("plain text")).toBeNull();
    expect(parseCiphertext("enc:v1:not-a-uuid:abc")).toBeNull();
    expect(parseCiphertext("enc:v2:" + KEY_ID + ":abc")).toBeNull();
  });
});

describe("key-encryption keys", () => {
  it("accept 32 bytes in base64 or base64url, and nothing else", () => {
    const bytes = Buffer.alloc(32, 250);
    expect(decodeKeyMaterial(bytes.toString("base64"))).toEqual(bytes);
    expect(decodeKeyMaterial(` ${bytes.toString("base64url")}\n`)).toEqual(bytes);
    expect(decodeKeyMaterial(Buffer.alloc(16).toString("base64"))).toBeNull();
    expect(decodeKeyMaterial("correct horse battery staple")).toBeNull();
  });

  it("have a public id that differs per key and shows nothing of it", () => {
    const a = keyEncryptionKey(Buffer.alloc(32, 1));
    expect(a.id).toMatch(/^[0-9a-f]{16}$/);
    expect(keyEncryptionKey(Buffer.alloc(32, 2)).id).not.toBe(a.id);
    expect(a.key.toString("hex")).not.toContain(a.id);
  });
});

describe("the key ring", () => {
  const keks = { current: keyEncryptionKey(Buffer.alloc(32, 3)), previous: keyEncryptionKey(Buffer.alloc(32, 4)) };

  it("unwraps keys wrapped by the current or the previous key-encryption key, and names what is missing otherwise", () => {
    const old = new KeyRing({ current: keks.previous!, previous: null });
    const { key: dataKey, wrapped } = old.newDataKey();
    expect(new KeyRing(keks).unwrap(wrapped)).toEqual(dataKey);
    expect(() => new KeyRing({ current: keks.current, previous: null }).unwrap(wrapped)).toThrow(new RegExp(`key-encryption key ${keks.previous!.id}`));
    expect(() => new KeyRing(keks).unwrap({ ...wrapped, id: KEY_ID })).toThrow();
  });

  it("keeps at most maxKeys keys, dropping the least recently used, and forgets them after the time limit", () => {
    let now = 0;
    const ring = new KeyRing(keks, { maxKeys: 2, ttlMs: 1000, now: () => now });
    ring.remember("a", key);
    ring.remember("b", key);
    expect(ring.cached("a")).toEqual(key);
    ring.remember("c", key);
    expect([ring.cached("a"), ring.cached("b"), ring.cached("c")].map(Boolean)).toEqual([true, false, true]);
    now = 1000;
    expect(ring.cached("a")).toBeUndefined();
    expect(ring.size).toBeLessThanOrEqual(2);
  });

  it("serves a value it opened only for its own field, only while its key is in memory, and keeps no more than its budget", () => {
    let now = 0;
    // Room for two of these values ("enc:v1:a" and its text: 13 to 14 characters each).
    const ring = new KeyRing(keks, { maxValueChars: 28, ttlMs: 1000, now: () => now });
    ring.remember(KEY_ID, key);
    ring.rememberOpened("Note.title", "enc:v1:a", KEY_ID, "first");
    expect(ring.openedText("Note.title", "enc:v1:a")).toBe("first");
    // The same stored value copied into another field is not served: it must open there, and cannot.
    expect(ring.openedText("Note.body", "enc:v1:a")).toBeUndefined();
    ring.rememberOpened("Note.title", "enc:v1:b", KEY_ID, "second");
    ring.rememberOpened("Note.title", "enc:v1:c", KEY_ID, "third");
    expect(["enc:v1:a", "enc:v1:b", "enc:v1:c"].map((stored) => ring.openedText("Note.title", stored))).toEqual([undefined, "second", "third"]);
    // One long value pushes out older ones, and one longer than the whole budget is not kept at all.
    ring.rememberOpened("Note.title", "enc:v1:e", KEY_ID, "a longer text");
    expect(["enc:v1:b", "enc:v1:c", "enc:v1:e"].map((stored) => ring.openedText("Note.title", stored))).toEqual([undefined, undefined, "a longer text"]);
    ring.rememberOpened("Note.body", "enc:v1:f", KEY_ID, "x".repeat(100));
    expect(ring.openedText("Note.body", "enc:v1:f")).toBeUndefined();
    ring.forgetAll();
    expect(ring.openedText("Note.title", "enc:v1:c")).toBeUndefined();

    ring.remember(KEY_ID, key);
    now = 500;
    ring.rememberOpened("Note.title", "enc:v1:d", KEY_ID, "fourth");
    expect(ring.openedText("Note.title", "enc:v1:d")).toBe("fourth");
    // The key's time is up before the value's: the value goes with its key.
    now = 1000;
    expect(ring.openedText("Note.title", "enc:v1:d")).toBeUndefined();
  });
});
