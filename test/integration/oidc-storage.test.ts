/**
 * Issue 13, OpenID Connect provider storage: the one-table adapter (TTL, one-time use, revocation by grant),
 * services registered with a hashed secret, and signing keys kept encrypted and rotated with an overlap.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapterClass } from '../../src/oidc/adapter.ts';
import { createClient, deleteService, listServices } from '../../src/oidc/clients.ts';
import { loadSigningKeys, rotateSigningKeys } from '../../src/oidc/keys.ts';
import { createOidcProvider } from '../../src/oidc/provider.ts';
import { deleteExpiredPayloads, listSigningKeys } from '../../src/oidc/repository.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';
import { createMember } from '../helpers/factories.ts';

describe.each(databaseKinds())('OpenID Connect storage on %s', (kind) => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp(kind);
  });
  afterAll(() => testApp?.close());

  it('keeps a stored object until its expiry, then forgets it and housekeeping deletes it', async () => {
    const { db } = testApp.deps;
    const Adapter = createAdapterClass(db, () => testApp.deps.now());
    const sessions = new Adapter('Session');
    await sessions.upsert('s1', { uid: 'u1', kind: 'Session' }, 60);
    expect(await sessions.find('s1')).toMatchObject({ uid: 'u1' });
    expect(await sessions.findByUid('u1')).toMatchObject({ kind: 'Session' });
    testApp.setNow(new Date(Date.now() + 61_000));
    try {
      expect(await sessions.find('s1')).toBeUndefined();
      expect(await deleteExpiredPayloads(db, testApp.deps.now())).toBeGreaterThanOrEqual(1);
    } finally {
      testApp.setNow(new Date());
    }
  });

  it('marks an authorization code consumed, and revoking its grant deletes every token issued under it', async () => {
    const { db } = testApp.deps;
    const member = await createMember(testApp.deps);
    await createClient(db, {
      clientId: 'storage-test',
      name: 'Storage test',
      redirectUris: ['https://service.example/cb'],
      firstParty: false,
    });
    const Adapter = createAdapterClass(db, () => testApp.deps.now());
    const codes = new Adapter('AuthorizationCode');
    const access = new Adapter('AccessToken');
    const grants = new Adapter('Grant');
    const common = { accountId: String(member.id), clientId: 'storage-test' };
    await grants.upsert('g1', { ...common, kind: 'Grant' }, 3600);
    await codes.upsert('c1', { ...common, grantId: 'g1', kind: 'AuthorizationCode' }, 60);
    await access.upsert('a1', { ...common, grantId: 'g1', kind: 'AccessToken' }, 600);
    await codes.consume('c1');
    expect((await codes.find('c1'))?.consumed).toEqual(expect.any(Number));
    await codes.revokeByGrantId('g1');
    expect(await codes.find('c1')).toBeUndefined();
    expect(await access.find('a1')).toBeUndefined();
    expect(await grants.find('g1')).toBeUndefined();
  });

  it('stores only the hash of a service secret, accepts the secret at the token endpoint and nothing else', async () => {
    const { db } = testApp.deps;
    const created = await createClient(db, {
      clientId: 'hashed-secret',
      name: 'Hashed secret',
      redirectUris: ['http://localhost:4000/cb'],
      firstParty: true,
    });
    if (!created.ok) throw new Error(created.code);
    const row = await db
      .selectFrom('oidc_clients')
      .selectAll()
      .where('client_id', '=', 'hashed-secret')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(created.secret);
    const provider = createOidcProvider(
      testApp.deps,
      await loadSigningKeys(db, testApp.deps.config.dataKeys, new Date()),
    );
    const client = await provider.Client.find('hashed-secret');
    expect(await client?.compareClientSecret(created.secret)).toBe(true);
    expect(await client?.compareClientSecret(row.secret_hash)).toBe(false);
    expect(
      await createClient(db, {
        clientId: 'hashed-secret',
        name: 'x',
        redirectUris: ['https://a.example/'],
        firstParty: false,
      }),
    ).toEqual({ ok: false, code: 'client_id_taken' });
    expect(
      await createClient(db, {
        clientId: 'plain-http',
        name: 'x',
        redirectUris: ['http://evil.example/cb'],
        firstParty: false,
      }),
    ).toEqual({ ok: false, code: 'redirect_uri_invalid' });
    expect((await listServices(db)).map((s) => s.clientId)).toContain('hashed-secret');
    expect(await deleteService(db, 'hashed-secret')).toBe(true);
    expect(await provider.Client.find('hashed-secret')).toBeUndefined();
  });

  it('keeps signing keys encrypted; after a rotation the previous key still verifies, after two it is retired', async () => {
    const { db, config } = testApp.deps;
    const first = await loadSigningKeys(db, config.dataKeys, new Date());
    const firstKid = first[0]?.kid;
    for (const row of await listSigningKeys(db)) expect(row.privateJwkEnc).not.toContain('"d"');
    const once = await rotateSigningKeys(db, config.dataKeys, new Date(Date.now() + 1000));
    expect(once.verifying).toEqual([firstKid]);
    const published = await servePublishedKids(
      testApp,
      await loadSigningKeys(db, config.dataKeys, new Date()),
    );
    expect(published).toEqual([once.active, firstKid]);
    const twice = await rotateSigningKeys(db, config.dataKeys, new Date(Date.now() + 2000));
    expect(twice.retired).toEqual([firstKid]);
    expect(twice.verifying).toEqual([once.active]);
  });
});

/** The kids a provider built over these keys publishes at its JWKS endpoint. */
async function servePublishedKids(testApp: TestApp, keys: Awaited<ReturnType<typeof loadSigningKeys>>) {
  const provider = createOidcProvider(testApp.deps, keys);
  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const jwks = (await (await fetch(`http://127.0.0.1:${port}/oidc/jwks`)).json()) as {
      keys: { kid: string; d?: string }[];
    };
    expect(jwks.keys.every((k) => k.d === undefined)).toBe(true);
    return jwks.keys.map((k) => k.kid);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
