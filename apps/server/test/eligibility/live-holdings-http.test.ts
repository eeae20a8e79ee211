import type { AppRouter } from '@puffy/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaign } from '../../../../packages/api/test/support/campaign';
import { FakeEvmChain, serveEvmChain } from '../../../../packages/chains/test/holdings/support/evm-chain';
import {
  startWireServer,
  type WireServer,
} from '../../../../packages/chains/test/holdings/support/wire-server';
import { startTestServer, type TestServer } from '../../src/testing';
import { clientFor, failure } from '../support/helpers';
import { evmWallet } from '../support/wallets';

describe('live holdings through the configured EVM RPC (EVM_RPC_URLS)', () => {
  let eth: WireServer;
  let server: TestServer;
  const contract = evmWallet().address;
  const holder = evmWallet().address;

  beforeAll(async () => {
    eth = await startWireServer();
    serveEvmChain(eth, new FakeEvmChain(1).deploy721(contract).mint721(contract, holder));
    server = await startTestServer({ env: { TRUST_PROXY: 'true', EVM_RPC_URLS: `1=${eth.url}` } });
  });
  afterAll(async () => {
    await server?.close();
    await eth?.close();
  });

  const api = (ip: string) => clientFor<AppRouter>(server.url, { headers: { 'x-forwarded-for': ip } });

  it('answers from the chain, and answers an outage with SERVICE_UNAVAILABLE and a retry delay', async () => {
    const campaign = await createCampaign(server.deps.db, {
      network: 'eth',
      methods: ['eth'],
      collectionAddress: contract,
      startAt: new Date(Date.now() - 60_000),
      endAt: new Date(Date.now() + 86_400_000),
    });
    const yes = await api('10.30.0.1').campaign.checkEligibleDryRun.query({
      campaignId: campaign.id,
      wallet: { chain: 'evm', address: holder },
    });
    expect(yes).toMatchObject({ outcome: 'eligible', method: 'eth', wallet: { address: holder } });

    eth.outage({ drop: true });
    const down = await failure(
      api('10.30.0.2').campaign.checkEligibleDryRun.query({
        campaignId: campaign.id,
        wallet: { chain: 'evm', address: evmWallet().address },
      }),
    );
    expect(down.message).toBe('We could not check your holdings right now. Please try again in a moment.');
    expect(down.data).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      reason: 'upstream_unavailable',
      retryAfterSeconds: 5,
    });
  });
});
