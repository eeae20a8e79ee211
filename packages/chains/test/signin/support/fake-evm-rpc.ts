import {
  type Address,
  type Client,
  createPublicClient,
  custom,
  decodeAbiParameters,
  erc6492SignatureValidatorByteCode,
  type Hex,
  isAddressEqual,
  isErc6492Signature,
  numberToHex,
  parseErc6492Signature,
  recoverAddress,
} from 'viem';

export interface SmartAccount {
  address: Address;
  owner: Address;
  factory: Address;
  factoryData: Hex;
  deployed: boolean;
}

/**
 * A JSON-RPC endpoint for one chain that speaks the real wire format. Its eth_call runs what the
 * ERC-6492 universal validator does for a simple owner-signed smart account: deploy through the
 * factory when the signature is 6492-wrapped, then ERC-1271 (the owner's ECDSA signature of the hash).
 */
export interface FakeEvmRpc {
  client: Client;
  /** JSON-RPC methods called, in order. */
  methods: string[];
  setReachable(reachable: boolean): void;
}

export function fakeEvmRpc(chainId: number, account: SmartAccount): FakeEvmRpc {
  const methods: string[] = [];
  let reachable = true;

  const validate = async (data: Hex): Promise<boolean> => {
    if (!data.startsWith(erc6492SignatureValidatorByteCode)) return false;
    const [target, hash, signature] = decodeAbiParameters(
      [{ type: 'address' }, { type: 'bytes32' }, { type: 'bytes' }],
      `0x${data.slice(erc6492SignatureValidatorByteCode.length)}`,
    );
    if (!isAddressEqual(target, account.address)) return false;
    let deployed = account.deployed;
    let inner = signature;
    if (isErc6492Signature(signature)) {
      const wrapped = parseErc6492Signature(signature);
      if (
        wrapped.address &&
        isAddressEqual(wrapped.address, account.factory) &&
        wrapped.data === account.factoryData
      ) {
        deployed = true;
      }
      inner = wrapped.signature;
    }
    if (!deployed) return false;
    try {
      return isAddressEqual(await recoverAddress({ hash, signature: inner }), account.owner);
    } catch {
      return false;
    }
  };

  const client = createPublicClient({
    transport: custom(
      {
        async request({ method, params }: { method: string; params?: unknown }) {
          methods.push(method);
          if (!reachable) throw new Error('connect ECONNREFUSED 127.0.0.1:8545');
          if (method === 'eth_chainId') return numberToHex(chainId);
          if (method === 'eth_call') {
            const [call] = params as [{ data: Hex }];
            return (await validate(call.data)) ? '0x01' : '0x00';
          }
          throw new Error(`the fake RPC does not serve ${method}`);
        },
      },
      { retryCount: 0 },
    ),
  });

  return {
    client,
    methods,
    setReachable(value: boolean) {
      reachable = value;
    },
  };
}
