import "server-only";
import { randomUUID } from "node:crypto";
import { decryptField, encryptField, parseCiphertext, type ParsedCiphertext } from "@/lib/crypto/ciphertext";
import type { KeyRing, WrappedDataKey } from "@/lib/crypto/key-ring";
import { KEY_OWNING_MODELS, PRIVATE_FIELDS, type KeyOwner } from "@/lib/crypto/private-fields";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The Prisma client extension that encrypts every field in lib/crypto/private-fields.ts on its
 * way into the database and decrypts it on its way out, nested reads included. Filters, sorts
 * and aggregates on an encrypted field are refused (the database only holds ciphertext), and
 * so are nested writes into a model with encrypted fields (write that model directly).
 */

/** The app's own data key (stored mail) has this fixed id. */
export const APP_KEY_ID = "00000000-0000-4000-8000-000000000000";

export class EncryptionUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EncryptionUsageError";
  }
}

type Row = Record<string, unknown>;
type DataModel = Record<string, { fields: readonly { name: string; kind: string; type: string }[] }>;

/** Prisma's own description of the models (the DMMF subset the client carries). */
export function dataModelOf(client: PrismaClient): DataModel {
  return (client as unknown as { _runtimeDataModel: { models: DataModel } })._runtimeDataModel.models;
}

const READS_RETURNING_ROWS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "create",
  "createManyAndReturn",
  "update",
  "updateManyAndReturn",
  "upsert",
  "delete",
]);
const UPDATES = new Set(["update", "updateMany", "updateManyAndReturn"]);
const NESTED_WRITES = ["create", "createMany", "connectOrCreate", "upsert", "update", "updateMany", "set"];
const RELATION_FILTERS = ["is", "isNot", "some", "every", "none"];

type Internal = { transaction?: { kind: string } } & Record<string, unknown>;
type OperationParams = {
  model?: string;
  operation: string;
  args: Row;
  query: (args: Row, internal?: Internal) => Promise<unknown>;
  __internalParams: Internal;
};
type Run = <T>(model: string, action: string, args: Row) => Promise<T>;

const jsName = (model: string) => model.charAt(0).toLowerCase() + model.slice(1);
const isRow = (value: unknown): value is Row => typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);

export function encryptionExtension(base: PrismaClient, ring: KeyRing) {
  const models = dataModelOf(base);
  const relations: Record<string, Record<string, string>> = Object.fromEntries(
    Object.entries(models).map(([name, model]) => [
      name,
      Object.fromEntries(model.fields.filter((field) => field.kind === "object").map((field) => [field.name, field.type])),
    ]),
  );
  const privateIn = (model: string) => PRIVATE_FIELDS[model] ?? {};
  const isPrivate = (model: string, field: string) => Object.hasOwn(privateIn(model), field);
  const holdsKeysOrSecrets = (model: string) => model in PRIVATE_FIELDS || model in KEY_OWNING_MODELS || model === "DataKey";

  // ---- Refusals: what the database cannot do with ciphertext -------------------------------

  function refuse(message: string): never {
    throw new EncryptionUsageError(message);
  }

  function checkWhere(model: string, where: unknown): void {
    if (!isRow(where)) return;
    for (const [key, value] of Object.entries(where)) {
      if (key === "AND" || key === "OR" || key === "NOT") {
        for (const part of [value].flat()) checkWhere(model, part);
      } else if (isPrivate(model, key)) {
        refuse(`${model}.${key} is encrypted: the database cannot filter on it. Filter on ids or dates, then on the decrypted rows.`);
      } else if (relations[model]?.[key] && isRow(value)) {
        const target = relations[model][key];
        const wrapped = Object.keys(value).some((name) => RELATION_FILTERS.includes(name));
        if (wrapped) for (const name of RELATION_FILTERS) checkWhere(target, value[name]);
        else checkWhere(target, value);
      }
    }
  }

  function checkOrderBy(model: string, orderBy: unknown): void {
    for (const order of [orderBy].flat()) {
      if (!isRow(order)) continue;
      for (const [key, value] of Object.entries(order)) {
        if (isPrivate(model, key)) refuse(`${model}.${key} is encrypted: the database cannot sort by it.`);
        if (relations[model]?.[key]) checkOrderBy(relations[model][key], value);
      }
    }
  }

  function checkFieldList(model: string, fields: unknown, what: string): void {
    const names = isRow(fields) ? Object.keys(fields) : [fields].flat();
    for (const name of names) if (typeof name === "string" && isPrivate(model, name)) refuse(`${model}.${name} is encrypted: the database cannot ${what} it.`);
  }

  function checkReadArgs(model: string, args: unknown): void {
    if (!isRow(args)) return;
    checkWhere(model, args.where);
    checkWhere(model, args.having);
    checkOrderBy(model, args.orderBy);
    if (args.cursor) checkFieldList(model, args.cursor, "seek by");
    if (args.distinct) checkFieldList(model, args.distinct, "compare");
    if (args.by) checkFieldList(model, args.by, "group by");
    for (const aggregate of ["_min", "_max"]) if (args[aggregate]) checkFieldList(model, args[aggregate], "compare");
    for (const shape of ["select", "include"]) {
      const selection = args[shape];
      if (!isRow(selection)) continue;
      for (const [key, value] of Object.entries(selection)) {
        if (relations[model]?.[key]) checkReadArgs(relations[model][key], value);
        if (key === "_count" && isRow(value) && isRow(value.select)) {
          for (const [relation, countArgs] of Object.entries(value.select)) {
            if (relations[model]?.[relation]) checkReadArgs(relations[model][relation], countArgs);
          }
        }
      }
    }
  }

  function checkNestedWrites(model: string, data: unknown): void {
    for (const row of [data].flat()) {
      if (!isRow(row)) continue;
      for (const [key, value] of Object.entries(row)) {
        const target = relations[model]?.[key];
        if (!target || !isRow(value)) continue;
        for (const operation of NESTED_WRITES) {
          if (value[operation] === undefined) continue;
          if (holdsKeysOrSecrets(target)) {
            refuse(`Write ${target} rows directly, not nested in a ${model} write: their text is encrypted with their owner's key.`);
          }
          const nested = value[operation];
          for (const item of [nested].flat()) {
            if (!isRow(item)) continue;
            checkNestedWrites(target, item.data ?? item.create ?? item);
            if (item.update) checkNestedWrites(target, item.update);
          }
        }
      }
    }
  }

  // ---- Keys ---------------------------------------------------------------------------------

  function ownerName(rule: KeyOwner, row: Row): string {
    if (rule.owner === "APP") return "APP";
    const id = row[rule.via];
    if (typeof id !== "string") {
      refuse(`Give ${rule.via} as a plain id when writing encrypted fields: it names the key they are sealed with.`);
    }
    return `${rule.owner}:${id}`;
  }

  function storedKeyWhere(owner: string): Row {
    if (owner === "APP") return { id: APP_KEY_ID };
    const [kind, id] = owner.split(":") as [string, string];
    return kind === "USER" ? { userId: id } : { coupleId: id };
  }

  async function keyOf(run: Run, inTransaction: boolean, owner: string): Promise<{ id: string; key: Buffer }> {
    const knownId = ring.ownerKeyId(owner);
    const known = knownId ? ring.cached(knownId) : undefined;
    if (knownId && known) return { id: knownId, key: known };
    const where = storedKeyWhere(owner);
    let stored = await run<WrappedDataKey | null>("DataKey", "findUnique", { where });
    if (!stored) {
      // Rows written before this key existed (created in bulk, or before encryption), or the
      // app's first email: make it now. Another request, here or in another process, may make
      // it at the same moment; only the key that was stored may seal anything, so this one is
      // remembered only once it is.
      const { key, wrapped } = ring.newDataKey(owner === "APP" ? APP_KEY_ID : undefined);
      const [kind] = owner.split(":");
      try {
        stored = await run<WrappedDataKey>("DataKey", "create", { data: { ...wrapped, ...where, owner: kind } });
        ring.remember(stored.id, key);
      } catch (error) {
        const lost = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
        if (!lost || inTransaction) throw error;
        stored = await run<WrappedDataKey>("DataKey", "findUniqueOrThrow", { where });
      }
    }
    const key = ring.cached(stored.id) ?? ring.unwrap(stored);
    ring.rememberOwner(owner, stored.id);
    return { id: stored.id, key };
  }

  // ---- Writes -------------------------------------------------------------------------------

  /** The private fields this data sets to text ({ set: text } included). */
  function textFieldsOf(model: string, data: Row): string[] {
    return Object.keys(privateIn(model)).filter((field) => {
      const value = data[field];
      return typeof value === "string" || (isRow(value) && typeof value.set === "string");
    });
  }

  async function encryptRow(run: Run, inTransaction: boolean, model: string, data: Row, owners: Row): Promise<Row> {
    const fields = textFieldsOf(model, data);
    if (!fields.length) return data;
    const sealed: Row = { ...data };
    for (const field of fields) {
      const rule = privateIn(model)[field] as KeyOwner;
      const { id, key } = await keyOf(run, inTransaction, ownerName(rule, owners));
      const value = data[field];
      const text = typeof value === "string" ? value : ((value as Row).set as string);
      sealed[field] = encryptField(`${model}.${field}`, id, key, text);
    }
    return sealed;
  }

  /** A new row of a key-owning model gets its data key in the same statement. */
  function withNewKey(model: string, data: Row): Row {
    const kind = KEY_OWNING_MODELS[model as keyof typeof KEY_OWNING_MODELS];
    if (!kind) return data;
    const id = typeof data.id === "string" ? data.id : randomUUID();
    // Stored with its new owner in one statement, under a new id: remembered now, so the row's own fields are sealed with it.
    const { key, wrapped } = ring.newDataKey();
    ring.remember(wrapped.id, key);
    ring.rememberOwner(`${kind}:${id}`, wrapped.id);
    return { ...data, id, dataKey: { create: { ...wrapped, owner: kind } } };
  }

  /** The owner columns a write of these fields needs, grouped: one group per distinct owner. */
  async function ownerGroups(run: Run, model: string, where: Row, fields: string[]): Promise<Row[]> {
    const vias = [...new Set(fields.map((field) => privateIn(model)[field]).flatMap((rule) => (rule && rule.owner !== "APP" ? [rule.via] : [])))];
    if (!vias.length) return [{}];
    if (vias.every((via) => typeof where[via] === "string")) return [Object.fromEntries(vias.map((via) => [via, where[via]]))];
    const rows = await run<Row[]>(model, "findMany", { where, select: Object.fromEntries(vias.map((via) => [via, true])) });
    const groups = new Map(rows.map((row) => [JSON.stringify(vias.map((via) => row[via])), row]));
    // None matches: a where that matches nothing, so no text can be written unsealed.
    return groups.size ? [...groups.values()] : [{ [vias[0] as string]: { in: [] } }];
  }

  async function update(params: OperationParams, run: Run, inTransaction: boolean): Promise<unknown> {
    const { model, operation, args, query } = params as OperationParams & { model: string };
    const data = args.data as Row;
    const fields = textFieldsOf(model, data);
    if (!fields.length) return query(args);
    const where = (args.where ?? {}) as Row;
    const groups = await ownerGroups(run, model, where, fields);
    const results = [];
    for (const group of groups) {
      results.push(await query({ ...args, where: { ...where, ...group }, data: await encryptRow(run, inTransaction, model, data, group) }));
    }
    if (operation === "update") return results[0];
    if (operation === "updateManyAndReturn") return results.flat();
    return { count: results.reduce((sum: number, result) => sum + (result as { count: number }).count, 0) };
  }

  async function write(params: OperationParams, run: Run, inTransaction: boolean): Promise<unknown> {
    const { model, operation, args, query } = params as OperationParams & { model: string };
    if (operation === "create") {
      const data = withNewKey(model, args.data as Row);
      return query({ ...args, data: await encryptRow(run, inTransaction, model, data, data) });
    }
    if (operation === "createMany" || operation === "createManyAndReturn") {
      const kind = KEY_OWNING_MODELS[model as keyof typeof KEY_OWNING_MODELS];
      const rows = [args.data as Row | Row[]].flat().map((row) => (kind ? { id: randomUUID(), ...row } : row));
      // Each new owner's key is made (and remembered) first, so its own fields are sealed with it.
      const keys = kind
        ? rows.map((row) => {
            const { key, wrapped } = ring.newDataKey();
            ring.remember(wrapped.id, key);
            ring.rememberOwner(`${kind}:${row.id}`, wrapped.id);
            return { ...wrapped, owner: kind, [kind === "USER" ? "userId" : "coupleId"]: row.id };
          })
        : [];
      const sealed = [];
      for (const row of rows) sealed.push(await encryptRow(run, inTransaction, model, row, row));
      const result = await query({ ...args, data: sealed });
      // createMany cannot nest: the keys follow in a second statement (see the decision's limits).
      if (keys.length) {
        const stored = await run<{ count: number }>("DataKey", "createMany", { data: keys, skipDuplicates: true });
        // A skipped duplicate row already had its key: what this process remembered for it is wrong.
        if (stored.count < keys.length) ring.forgetAll();
      }
      return result;
    }
    if (UPDATES.has(operation)) return update(params, run, inTransaction);
    if (operation === "upsert") {
      const where = args.where as Row;
      const create = withNewKey(model, args.create as Row);
      const updateData = args.update as Row;
      const fields = textFieldsOf(model, updateData);
      const existing = fields.length ? ((await ownerGroups(run, model, where, fields))[0] as Row) : {};
      const owners = Object.values(existing).some((value) => typeof value === "string") ? existing : create;
      return query({
        ...args,
        create: await encryptRow(run, inTransaction, model, create, create),
        update: await encryptRow(run, inTransaction, model, updateData, owners),
      });
    }
    return query(args);
  }

  /** A deleted row is returned decrypted, though its key goes with it: hold the key until then. */
  async function holdKeyOfDeletedRow(run: Run, model: string, where: Row): Promise<void> {
    const kind = KEY_OWNING_MODELS[model as keyof typeof KEY_OWNING_MODELS];
    if (!kind || typeof where.id !== "string") return;
    const stored = await run<WrappedDataKey | null>("DataKey", "findUnique", { where: storedKeyWhere(`${kind}:${where.id}`) });
    if (stored) ring.unwrap(stored);
  }

  // ---- Reads --------------------------------------------------------------------------------

  type Sealed = { row: Row; field: string; model: string; stored: string; parsed: ParsedCiphertext };

  function collect(model: string, value: unknown, found: Sealed[]): void {
    if (Array.isArray(value)) {
      for (const item of value) collect(model, item, found);
      return;
    }
    if (!isRow(value)) return;
    for (const [field, fieldValue] of Object.entries(value)) {
      if (fieldValue === null || fieldValue === undefined) continue;
      if (isPrivate(model, field) && typeof fieldValue === "string") {
        const opened = ring.openedText(`${model}.${field}`, fieldValue);
        if (opened !== undefined) {
          value[field] = opened;
          continue;
        }
        const parsed = parseCiphertext(fieldValue);
        if (!parsed) throw new Error(`${model}.${field} holds text that is not encrypted. Run \`npm run db:encrypt\` (npm start does) to encrypt it in place.`);
        found.push({ row: value, field, model, stored: fieldValue, parsed });
      } else if (relations[model]?.[field]) {
        collect(relations[model][field], fieldValue, found);
      }
    }
  }

  async function decrypt(run: Run, model: string, result: unknown): Promise<unknown> {
    const found: Sealed[] = [];
    collect(model, result, found);
    if (!found.length) return result;
    const missing = [...new Set(found.map((item) => item.parsed.keyId).filter((id) => !ring.cached(id)))];
    if (missing.length) {
      const stored = await run<WrappedDataKey[]>("DataKey", "findMany", { where: { id: { in: missing } } });
      for (const key of stored) ring.unwrap(key);
    }
    for (const item of found) {
      const key = ring.cached(item.parsed.keyId);
      if (!key) throw new Error(`${item.model}.${item.field} cannot be read: its data key ${item.parsed.keyId} was destroyed.`);
      const text = decryptField(`${item.model}.${item.field}`, item.parsed, key);
      ring.rememberOpened(`${item.model}.${item.field}`, item.stored, item.parsed.keyId, text);
      item.row[item.field] = text;
    }
    return result;
  }

  return Prisma.defineExtension({
    name: "encryption-at-rest",
    query: {
      $allModels: {
        async $allOperations(untyped) {
          const params = untyped as unknown as OperationParams;
          const { model, operation, args, query } = params;
          if (!model) return query(args);
          const internal = params.__internalParams;
          const inTransaction = internal.transaction?.kind === "itx";
          // Key lookups and owner lookups run in the caller's interactive transaction, if any:
          // on PGlite a query outside it would wait for it to end, and it for them.
          const run: Run = (otherModel, action, otherArgs) =>
            query(otherArgs, {
              ...internal,
              model: otherModel,
              action,
              clientMethod: `${jsName(otherModel)}.${action}`,
              jsModelName: jsName(otherModel),
              args: otherArgs,
              dataPath: [],
              transaction: inTransaction ? internal.transaction : undefined,
            }) as never;
          checkReadArgs(model, args);
          if (args.data) checkNestedWrites(model, args.data);
          if (operation === "upsert") {
            checkNestedWrites(model, args.create);
            checkNestedWrites(model, args.update);
          }
          const destroysKeys = operation.startsWith("delete") && (model in KEY_OWNING_MODELS || model === "DataKey");
          if (destroysKeys && operation === "delete") await holdKeyOfDeletedRow(run, model, args.where as Row);
          const result = await write(params, run, inTransaction);
          const readable = READS_RETURNING_ROWS.has(operation) ? await decrypt(run, model, result) : result;
          if (destroysKeys) ring.forgetAll();
          return readable;
        },
      },
    },
  });
}
