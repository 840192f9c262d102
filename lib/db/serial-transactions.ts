import "server-only";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  Transaction,
} from "@prisma/driver-adapter-utils";

/**
 * Runs the statements of one interactive transaction one after another.
 *
 * Prisma 7's query interpreter fetches the relations of an `include` with `Promise.all`; inside a
 * transaction they all go to the one pg client, which pg 8.19+ deprecates ("client.query() when
 * the client is already executing a query") and pg 9 refuses. The connection could only run them
 * in turn anyway, so queueing them here changes nothing but the warning (and the coming error).
 * Remove when @prisma/adapter-pg serialises transaction queries itself.
 */
export function serialisingTransactions<F extends SqlMigrationAwareDriverAdapterFactory>(
  factory: F,
): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => withSerialTransactions(await factory.connect()),
    connectToShadowDb: async () => withSerialTransactions(await factory.connectToShadowDb()),
  };
}

function withSerialTransactions(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(target, property) {
      if (property === "startTransaction") {
        return async (...args: Parameters<SqlDriverAdapter["startTransaction"]>) =>
          serialised(await target.startTransaction(...args));
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

const QUEUED = new Set<PropertyKey>([
  "queryRaw",
  "executeRaw",
  "commit",
  "rollback",
  "createSavepoint",
  "rollbackToSavepoint",
  "releaseSavepoint",
]);

function serialised(transaction: Transaction): Transaction {
  let tail: Promise<unknown> = Promise.resolve();
  return new Proxy(transaction, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      const method = value as (...args: unknown[]) => Promise<unknown>;
      if (!QUEUED.has(property)) return method.bind(target);
      return (...args: unknown[]) => {
        const run = () => method.apply(target, args);
        const next = tail.then(run, run);
        tail = next.catch(() => undefined);
        return next;
      };
    },
  });
}
