import { describe, expect, it } from "vitest";
import { KEY_OWNING_MODELS, PLAIN_FIELDS, PRIVATE_FIELDS } from "@/lib/crypto/private-fields";
import { dataModelOf } from "@/lib/db/encryption";
import { PrismaClient } from "@/lib/generated/prisma/client";

// Prisma's description of the models (DMMF), read from a client that never connects.
const models = dataModelOf(new PrismaClient({ adapter: { provider: "postgres", adapterName: "none", connect: () => Promise.reject(new Error("unused")) } as never }));
const stringFields = Object.entries(models).flatMap(([model, { fields }]) =>
  fields.filter((field) => field.kind === "scalar" && field.type === "String").map((field) => `${model}.${field.name}`),
);
const listed = (lists: Record<string, Record<string, unknown>>) => Object.entries(lists).flatMap(([model, fields]) => Object.keys(fields).map((field) => `${model}.${field}`));

describe("the one list of private fields", () => {
  it("classifies every String field of every model: encrypted, or plain on purpose with a reason", () => {
    const classified = new Set([...listed(PRIVATE_FIELDS), ...listed(PLAIN_FIELDS)]);
    expect(stringFields.filter((field) => !classified.has(field))).toEqual([]);
  });

  it("lists only String fields that exist, each in one list only", () => {
    const privateFields = listed(PRIVATE_FIELDS);
    const plainFields = listed(PLAIN_FIELDS);
    expect([...privateFields, ...plainFields].filter((field) => !stringFields.includes(field))).toEqual([]);
    expect(privateFields.filter((field) => plainFields.includes(field))).toEqual([]);
  });

  it("names, for every encrypted field, an owner column of the same model that holds a plain id", () => {
    for (const [model, fields] of Object.entries(PRIVATE_FIELDS)) {
      for (const rule of Object.values(fields)) {
        if (rule.owner === "APP") continue;
        expect(PLAIN_FIELDS[model]?.[rule.via], `${model}.${rule.via}`).toBeDefined();
      }
    }
    for (const model of Object.keys(KEY_OWNING_MODELS)) expect(models[model]?.fields.some((field) => field.name === "dataKey")).toBe(true);
  });
});
