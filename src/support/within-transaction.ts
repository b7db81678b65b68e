import type { Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { AppDeps } from '../web/context.ts';

/**
 * Deps whose `db` is the caller's open transaction, for flows of other domains that open their own
 * (`forceWithdrawMember`, `issuePasswordReset`): their `db.transaction().execute(fn)` runs `fn` on the same
 * transaction, so the action and its audit row commit or roll back together. Kysely cannot nest
 * transactions, hence the shim; when those flows accept an executor this file can go.
 */
export function depsWithinTransaction(deps: AppDeps, trx: Transaction<Database>): AppDeps {
  const db = new Proxy(trx, {
    get(target, prop) {
      if (prop === 'transaction')
        return () => ({ execute: <T>(fn: (t: Transaction<Database>) => Promise<T>) => fn(target) });
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { ...deps, db: db as unknown as Db };
}
