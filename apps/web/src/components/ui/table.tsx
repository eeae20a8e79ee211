import type { ComponentProps } from 'react';
import { cn } from '../../lib/cn';
import { slottedParts } from './slotted';

/** A table that scrolls inside its own box on a narrow screen instead of widening the page. */
export function Table({ className, ...props }: ComponentProps<'table'>) {
  return (
    <div data-slot="table-container" className="relative w-full overflow-x-auto">
      <table
        data-slot="table"
        className={cn('w-full caption-bottom border-collapse text-sm', className)}
        {...props}
      />
    </div>
  );
}

export const { TableHeader, TableBody, TableRow, TableHead, TableCell, TableCaption } = slottedParts({
  TableHeader: ['thead', '[&_tr]:border-b'],
  TableBody: ['tbody', '[&_tr:last-child]:border-0'],
  TableRow: ['tr', 'border-b transition-colors hover:bg-muted/50 data-[state=selected]:bg-muted'],
  /** A column's header cell (`scope="col"` unless told otherwise, so each cell is read with its column). */
  TableHead: [
    'th',
    'h-10 whitespace-nowrap px-3 text-left align-middle font-medium text-muted-foreground text-xs uppercase tracking-wide',
    { scope: 'col' },
  ],
  TableCell: ['td', 'px-3 py-2.5 align-middle'],
  TableCaption: ['caption', 'mt-3 text-muted-foreground text-sm'],
});
