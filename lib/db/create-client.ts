import "server-only";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { KeyEncryptionKeys } from "@/lib/crypto/key-encryption-keys";
import { KeyRing, type KeyRingOptions } from "@/lib/crypto/key-ring";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { encryptionExtension } from "./encryption";
import type { Db } from "./types";

export type DbClientOptions = {
  keys: KeyEncryptionKeys;
  keyRing?: KeyRingOptions;
  /** Called for every SQL statement sent (tests count them). */
  onQuery?: () => void;
};

/**
 * The one way to make a database client: the app (lib/db/client.ts), the scripts, the demo
 * seed and the tests all come through here, so every client encrypts what people wrote.
 */
export function createDbClient(adapter: SqlMigrationAwareDriverAdapterFactory, options: DbClientOptions): Db {
  const base = options.onQuery
    ? new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] })
    : new PrismaClient({ adapter });
  if (options.onQuery) (base as PrismaClient<"query">).$on("query", options.onQuery);
  // A query extension changes no types: the extended client is used as the plain client type.
  return base.$extends(encryptionExtension(base, new KeyRing(options.keys, options.keyRing))) as unknown as Db;
}
