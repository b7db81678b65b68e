import type { Kysely, Transaction } from 'kysely';
import type { AccountTables } from '../account/tables.ts';
import type { CardTables } from '../cards/tables.ts';
import type { MailTables } from '../mail/tables.ts';
import type { MemberTables } from '../members/tables.ts';
import type { OidcTables } from '../oidc/tables.ts';
import type { StatementTables } from '../statements/tables.ts';
import type { SupportTables } from '../support/tables.ts';

/** Every table, as each domain declares its own in its tables.ts. */
export interface Database
  extends MemberTables,
    AccountTables,
    MailTables,
    CardTables,
    SupportTables,
    StatementTables,
    OidcTables {}

/** What a repository function runs on: the database or a transaction opened on it. */
export type Executor = Kysely<Database> | Transaction<Database>;
