import {
  type Address,
  decodeFunctionData,
  encodeFunctionResult,
  erc721Abi,
  erc1155Abi,
  getAddress,
  type Hex,
  isAddress,
  numberToHex,
} from 'viem';
import type { WireServer } from './wire-server';

const balanceOfAbi = [
  ...erc721Abi.filter((item) => item.type === 'function' && item.name === 'balanceOf'),
  ...erc1155Abi.filter((item) => item.type === 'function' && item.name === 'balanceOf'),
];

/**
 * ERC-721 and ERC-1155 contracts on one chain, answering `eth_call` as a node does: the uint256 result
 * ABI-encoded, `0x` for an address without code, and geth's "execution reverted" for a selector the
 * contract does not have.
 */
export class FakeEvmChain {
  private readonly erc721 = new Map<Address, Map<Address, bigint>>();
  private readonly erc1155 = new Map<Address, Map<string, bigint>>();
  private readonly native = new Map<Address, bigint>();
  /** Per sender, the blocks holding its transactions: the nonce at block b counts those at or below b. */
  private readonly sent = new Map<Address, bigint[]>();
  /** The latest block; block b was sealed at `genesisSeconds + 12 * b`. */
  head = 21_000_000n;
  genesisSeconds = 1_438_269_973n;
  /** A node without historical state answers geth's "missing trie node" for any block but the latest. */
  archive = true;

  constructor(readonly chainId: number) {}

  /** ERC-20 `balanceOf(address)` has the ERC-721 signature: the same table answers it. */
  deploy20(contract: Address): this {
    return this.deploy721(contract);
  }

  mint20(contract: Address, owner: Address, units: bigint): this {
    return this.mint721(contract, owner, units);
  }

  fund(owner: Address, wei: bigint): this {
    this.native.set(getAddress(owner), (this.native.get(getAddress(owner)) ?? 0n) + wei);
    return this;
  }

  /** A transaction sent by `from` in block `block`. */
  send(from: Address, block: bigint): this {
    const blocks = this.sent.get(getAddress(from)) ?? [];
    blocks.push(block);
    this.sent.set(getAddress(from), blocks);
    return this;
  }

  timestampOf(block: bigint): bigint {
    return this.genesisSeconds + 12n * block;
  }

  /** The block a tag names, or an error as geth words it. */
  blockOf(tag: unknown): bigint | { error: { code: number; message: string } } {
    if (tag === undefined || tag === 'latest' || tag === 'pending' || tag === 'safe' || tag === 'finalized')
      return this.head;
    if (typeof tag !== 'string' || !/^0x[0-9a-f]+$/i.test(tag))
      return { error: { code: -32602, message: 'invalid argument 1: hex string without 0x prefix' } };
    const block = BigInt(tag);
    if (block > this.head) return { error: { code: -32000, message: 'header not found' } };
    if (!this.archive && block !== this.head) {
      return {
        error: {
          code: -32000,
          message: `missing trie node ${'ab'.repeat(32)} (path ) state 0x${'cd'.repeat(32)} is not available`,
        },
      };
    }
    return block;
  }

  nonceAt(owner: Address, block: bigint): bigint {
    return BigInt((this.sent.get(getAddress(owner)) ?? []).filter((b) => b <= block).length);
  }

  balanceOf(owner: Address): bigint {
    return this.native.get(getAddress(owner)) ?? 0n;
  }

  deploy721(contract: Address): this {
    this.erc721.set(getAddress(contract), new Map());
    return this;
  }

  deploy1155(contract: Address): this {
    this.erc1155.set(getAddress(contract), new Map());
    return this;
  }

  mint721(contract: Address, owner: Address, count = 1n): this {
    const balances = this.erc721.get(getAddress(contract));
    if (!balances) throw new Error(`no ERC-721 at ${contract}`);
    balances.set(getAddress(owner), (balances.get(getAddress(owner)) ?? 0n) + count);
    return this;
  }

  mint1155(contract: Address, owner: Address, id: bigint, amount = 1n): this {
    const balances = this.erc1155.get(getAddress(contract));
    if (!balances) throw new Error(`no ERC-1155 at ${contract}`);
    const key = `${getAddress(owner)}:${id}`;
    balances.set(key, (balances.get(key) ?? 0n) + amount);
    return this;
  }

  /** The `eth_call` answer for `{ to, data }`. */
  call(to: Address, data: Hex): { result: Hex } | { error: { code: number; message: string } } {
    const contract = getAddress(to);
    const as721 = this.erc721.get(contract);
    const as1155 = this.erc1155.get(contract);
    if (!as721 && !as1155) return { result: '0x' };
    const reverted = { error: { code: -32000, message: 'execution reverted' } };
    let decoded: ReturnType<typeof decodeFunctionData<typeof balanceOfAbi>>;
    try {
      decoded = decodeFunctionData({ abi: balanceOfAbi, data });
    } catch {
      return reverted;
    }
    const args = decoded.args ?? [];
    let balance: bigint;
    if (args.length === 1 && as721) {
      balance = as721.get(getAddress(args[0])) ?? 0n;
    } else if (args.length === 2 && as1155) {
      balance = as1155.get(`${getAddress(args[0])}:${args[1]}`) ?? 0n;
    } else {
      return reverted;
    }
    return { result: encodeFunctionResult({ abi: erc721Abi, functionName: 'balanceOf', result: balance }) };
  }
}

/**
 * Serves `eth_chainId`, `eth_call`, `eth_getBalance`, `eth_getTransactionCount`, `eth_blockNumber` and
 * `eth_getBlockByNumber` for `chain` on `server`.
 */
export function serveEvmChain(server: WireServer, chain: FakeEvmChain): void {
  server.rpc('eth_chainId', () => ({ result: numberToHex(chain.chainId) }));
  server.rpc('eth_blockNumber', () => ({ result: numberToHex(chain.head) }));
  const addressed = (answer: (owner: Address, block: bigint) => bigint) => (params: unknown) => {
    const [owner, tag] = params as [unknown, unknown];
    if (typeof owner !== 'string' || !isAddress(owner))
      return {
        error: {
          code: -32602,
          message: 'invalid argument 0: hex string has length 0, want 40 for common.Address',
        },
      };
    const block = chain.blockOf(tag);
    return typeof block === 'bigint' ? { result: numberToHex(answer(owner, block)) } : block;
  };
  // Balances are served as of the latest block only; the tests ask for nothing older.
  server.rpc(
    'eth_getBalance',
    addressed((owner) => chain.balanceOf(owner)),
  );
  server.rpc(
    'eth_getTransactionCount',
    addressed((owner, block) => chain.nonceAt(owner, block)),
  );
  server.rpc('eth_getBlockByNumber', (params) => {
    const [tag, full] = params as [unknown, unknown];
    if (typeof full !== 'boolean')
      return { error: { code: -32602, message: 'missing value for required argument 1' } };
    const block = chain.blockOf(tag);
    if (typeof block !== 'bigint') return { result: null };
    return {
      result: {
        number: numberToHex(block),
        hash: `0x${block.toString(16).padStart(64, '0')}`,
        parentHash: `0x${(block - 1n < 0n ? 0n : block - 1n).toString(16).padStart(64, '0')}`,
        timestamp: numberToHex(chain.timestampOf(block)),
        gasLimit: '0x1c9c380',
        gasUsed: '0x0',
        baseFeePerGas: '0x3b9aca00',
        miner: '0x0000000000000000000000000000000000000000',
        transactions: [],
        uncles: [],
      },
    };
  });
  server.rpc('eth_call', (params) => {
    const [call] = params as [{ to?: Address; data?: Hex; input?: Hex }];
    const data = call.data ?? call.input;
    if (!call.to || !data) return { error: { code: -32602, message: 'invalid argument 0' } };
    return chain.call(call.to, data);
  });
}
