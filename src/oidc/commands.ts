import { parseArgs } from 'node:util';
import type { Command } from '../cli-types.ts';
import { withDatabase } from '../db/database.ts';
import { clientIdFromName, createClient, deleteService, listServices } from './clients.ts';
import { rotateSigningKeys } from './keys.ts';

const CREATE_USAGE =
  'usage: cardnavi client create --name NAME --redirect-uri URL [--redirect-uri URL…] [--client-id ID] [--backchannel-logout-uri URL] [--first-party]';

/** CLI commands of the OpenID Connect provider: group services and signing keys. */
export const oidcCommands: Command[] = [
  {
    name: 'client create',
    summary:
      'register a group service: --name NAME --redirect-uri URL [--first-party] (prints the secret once)',
    async run(args, config) {
      let values: {
        name?: string | undefined;
        'redirect-uri'?: string[] | undefined;
        'client-id'?: string | undefined;
        'backchannel-logout-uri'?: string | undefined;
        'first-party'?: boolean | undefined;
      };
      try {
        ({ values } = parseArgs({
          args,
          options: {
            name: { type: 'string' },
            'redirect-uri': { type: 'string', multiple: true },
            'client-id': { type: 'string' },
            'backchannel-logout-uri': { type: 'string' },
            'first-party': { type: 'boolean' },
          },
        }));
      } catch (e) {
        console.error(`${(e as Error).message}\n${CREATE_USAGE}`);
        return 2;
      }
      const name = values.name?.trim() ?? '';
      const clientId = values['client-id'] ?? clientIdFromName(name);
      if (
        !name ||
        name.length > 100 ||
        !values['redirect-uri']?.length ||
        !/^[a-z0-9][a-z0-9-]{2,63}$/.test(clientId)
      ) {
        console.error(CREATE_USAGE);
        return 2;
      }
      return withDatabase(config, async (db) => {
        const result = await createClient(db, {
          clientId,
          name,
          redirectUris: values['redirect-uri'] ?? [],
          backchannelLogoutUri: values['backchannel-logout-uri'],
          firstParty: values['first-party'] ?? false,
        });
        if (!result.ok) {
          console.error(
            result.code === 'client_id_taken'
              ? `client ${clientId} already exists (choose another --client-id)`
              : `${result.code === 'redirect_uri_invalid' ? 'redirect' : 'logout'} URI refused: absolute https (http only for localhost), no fragment`,
          );
          return 1;
        }
        console.log(`service "${name}" registered.`);
        console.log(`  issuer:        ${config.publicUrl.href.replace(/\/+$/, '')}`);
        console.log(`  client_id:     ${result.clientId}`);
        console.log(`  client_secret: ${result.secret}`);
        console.log('Store the secret now: only its hash is kept, it cannot be shown again.');
        return 0;
      });
    },
  },
  {
    name: 'client list',
    summary: 'list the registered group services',
    async run(_args, config) {
      return withDatabase(config, async (db) => {
        const services = await listServices(db);
        if (services.length === 0) console.log('no services registered');
        for (const s of services) {
          console.log(
            `${s.clientId}\t${s.name}\t${s.firstParty ? 'first-party' : 'third-party'}\t${s.redirectUris.join(' ')}${s.backchannelLogoutUri ? `\tlogout ${s.backchannelLogoutUri}` : ''}`,
          );
        }
        return 0;
      });
    },
  },
  {
    name: 'client delete',
    summary: 'delete a group service and every grant and token it holds: client delete CLIENT_ID',
    async run(args, config) {
      const { positionals } = parseArgs({ args, allowPositionals: true });
      const clientId = positionals[0];
      if (!clientId || positionals.length !== 1) {
        console.error('usage: cardnavi client delete CLIENT_ID');
        return 2;
      }
      return withDatabase(config, async (db) => {
        if (!(await deleteService(db, clientId))) {
          console.error(`no service ${clientId}`);
          return 1;
        }
        console.log(`service ${clientId} deleted; its grants and tokens are revoked.`);
        return 0;
      });
    },
  },
  {
    name: 'oidc rotate-keys',
    summary: 'new ID token signing key; the previous one still verifies, older ones are retired',
    async run(_args, config) {
      return withDatabase(config, async (db) => {
        const r = await rotateSigningKeys(db, config.dataKeys, new Date());
        console.log(`signing with ${r.active}`);
        if (r.verifying.length) console.log(`still verifying: ${r.verifying.join(', ')}`);
        if (r.retired.length) console.log(`retired: ${r.retired.join(', ')}`);
        console.log('running servers pick up the new key within a minute.');
        return 0;
      });
    },
  },
];
