import {
  type Address,
  decodeFunctionData,
  encodeFunctionResult,
  erc721Abi,
  erc1155Abi,
  getAddress,
  type Hex,
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

  constructor(readonly chainId: number) {}

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

/** Serves `eth_chainId` and `eth_call` for `chain` on `server`. */
export function serveEvmChain(server: WireServer, chain: FakeEvmChain): void {
  server.rpc('eth_chainId', () => ({ result: numberToHex(chain.chainId) }));
  server.rpc('eth_call', (params) => {
    const [call] = params as [{ to?: Address; data?: Hex; input?: Hex }];
    const data = call.data ?? call.input;
    if (!call.to || !data) return { error: { code: -32602, message: 'invalid argument 0' } };
    return chain.call(call.to, data);
  });
}
