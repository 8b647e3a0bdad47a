import net from "node:net";
import { openAdapter } from "@/lib/db/adapter";
import type { Db } from "@/lib/db/types";
import { PrismaClient } from "@/lib/generated/prisma/client";

/** A loopback port where nothing listens: connecting is refused at once. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A loopback socket that accepts connections and never says a word, like a partitioned server. */
export async function silentServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `postgres://planner@127.0.0.1:${port}/planner`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The app's real database client, pointed at a PostgreSQL server that is not there. */
export async function unreachableDb(): Promise<{ db: Db; close: () => Promise<void> }> {
  const opened = openAdapter({ kind: "postgres", url: `postgres://planner@127.0.0.1:${await closedPort()}/planner` });
  const db = new PrismaClient({ adapter: opened.factory });
  return {
    db,
    close: async () => {
      await db.$disconnect();
      await opened.close();
    },
  };
}
