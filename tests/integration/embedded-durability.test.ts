import { fsyncSync } from "node:fs";
import path from "node:path";
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it, vi } from "vitest";
import { openPGliteFolder } from "@/lib/db/pglite-folder";
import { makeMigratedFolder, temporaryRoot } from "../support/embedded-folder";

// Count the fsync() calls that reach the operating system, without changing what they do.
vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const counted = { ...fs, fsyncSync: vi.fn(fs.fsyncSync) };
  return { ...counted, default: counted };
});

const root = temporaryRoot();
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.skipIf(process.env.TEST_DB_KIND !== "pglite")("writes to the embedded database survive a power cut", () => {
  it("syncs every acknowledged commit to the disk before it returns", { timeout: 360_000 }, async () => {
    const folder = path.join(root, "durable");
    await makeMigratedFolder(folder);
    const opened = openPGliteFolder(folder);
    await opened.pglite.exec("CREATE TABLE marker (n integer)");
    expect((await opened.pglite.query<{ fsync: string }>("SHOW fsync")).rows[0]!.fsync).toBe("on");

    for (let n = 1; n <= 3; n += 1) {
      vi.mocked(fsyncSync).mockClear();
      await opened.pglite.query("INSERT INTO marker VALUES ($1)", [n]);
      expect(vi.mocked(fsyncSync)).toHaveBeenCalled();
    }
    // A read commits nothing and waits for no disk.
    vi.mocked(fsyncSync).mockClear();
    await opened.pglite.query("SELECT count(*) FROM marker");
    expect(vi.mocked(fsyncSync)).not.toHaveBeenCalled();
    await opened.close();
  });
});
