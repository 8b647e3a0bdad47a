import { keyEncryptionKey, type KeyEncryptionKeys } from "@/lib/crypto/key-encryption-keys";

/** Fixed key-encryption keys for tests (never used outside them). */
export const TEST_KEK = keyEncryptionKey(Buffer.alloc(32, 7));
export const OTHER_TEST_KEK = keyEncryptionKey(Buffer.alloc(32, 9));

export const TEST_KEYS: KeyEncryptionKeys = { current: TEST_KEK, previous: null };
