import { ZSolanaSignature } from '@puffy/contracts';
import { ChevronDown } from 'lucide-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Button } from '../components/ui/button';
import { FormField } from '../components/ui/form-field';
import { Input } from '../components/ui/input';

/** One detail the transfer must carry (address, memo, reference…), shown so it can be copied exactly. */
export interface PaymentFact {
  label: string;
  value: string;
  testId?: string;
}

/** The words of the disclosure, from the caller's catalog (the store and the NFT claim say it differently). */
export interface SignatureDisclosureWords {
  summary: string;
  lead?: ReactNode;
  signature: string;
  submit: string;
  /** Shown beside the field when what was pasted is not a transaction signature. */
  invalid: string;
}

/**
 * A transaction made outside this page, told by its signature: what it must carry, and a field for
 * the signature the member's wallet shows. The signature is checked for shape here (the server checks
 * the chain), then handed to `onSubmit`. Every Solana payment uses it ("Paid another way?": a store
 * order, an NFT's gas fee), and so does a mint the member made themself.
 */
export function SignatureDisclosure({
  words,
  facts,
  busy,
  onSubmit,
}: {
  words: SignatureDisclosureWords;
  facts: PaymentFact[];
  busy: boolean;
  onSubmit: (signature: string) => void;
}) {
  const [hash, setHash] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZSolanaSignature.safeParse(hash.trim());
    setProblem(parsed.success ? null : words.invalid);
    if (parsed.success) onSubmit(parsed.data);
  };
  return (
    <details className="group rounded-lg border px-3 py-2">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-2 font-medium text-sm [&::-webkit-details-marker]:hidden">
        {words.summary}
        <ChevronDown
          className="size-4 shrink-0 transition-transform group-open:rotate-180"
          aria-hidden="true"
        />
      </summary>
      <div className="grid gap-3 pt-3 pb-1">
        {words.lead && <p className="text-muted-foreground text-sm">{words.lead}</p>}
        <dl className="grid gap-2">
          {facts.map((fact) => (
            <div key={fact.label} className="grid min-w-0 gap-0.5 rounded-md bg-muted/50 px-3 py-2">
              <dt className="text-muted-foreground text-xs">{fact.label}</dt>
              <dd className="break-all font-mono text-xs" data-testid={fact.testId}>
                {fact.value}
              </dd>
            </div>
          ))}
        </dl>
        <form
          className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-end"
          onSubmit={submit}
          noValidate
        >
          <FormField label={words.signature} error={problem}>
            <Input className="font-mono" value={hash} onChange={(event) => setHash(event.target.value)} />
          </FormField>
          <Button type="submit" variant="secondary" disabled={busy}>
            {words.submit}
          </Button>
        </form>
      </div>
    </details>
  );
}
