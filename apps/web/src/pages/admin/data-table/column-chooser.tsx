import type { ReactTable, RowData } from '@tanstack/react-table';
import { Check, Columns3 } from 'lucide-react';
import { DropdownMenu as MenuPrimitive } from 'radix-ui';
import { Button } from '../../../components/ui/button';
import { DropdownMenu, DropdownMenuContent, DropdownMenuTrigger } from '../../../components/ui/dropdown-menu';
import type { AdminTableFeatures } from './features';

/** A menu of the table's columns, each ticked while shown: the operator's column choice. */
export function ColumnChooser<T extends RowData>({
  table,
  label,
}: {
  table: ReactTable<AdminTableFeatures, T, unknown>;
  label: string;
}) {
  const hideable = table.getAllLeafColumns().filter((c) => c.getCanHide());
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size="sm">
          <Columns3 aria-hidden="true" />
          {label}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        {hideable.map((column) => (
          <MenuPrimitive.CheckboxItem
            key={column.id}
            checked={column.getIsVisible()}
            // The menu stays open so several columns can be switched in one go.
            onSelect={(event) => event.preventDefault()}
            onCheckedChange={(value) => column.toggleVisibility(value === true)}
            className="relative flex cursor-pointer select-none items-center gap-2 rounded-md py-2 pr-2.5 pl-8 text-sm outline-none data-[highlighted]:bg-accent data-[highlighted]:text-accent-foreground"
          >
            <MenuPrimitive.ItemIndicator className="absolute left-2.5 inline-flex">
              <Check className="size-4" aria-hidden="true" />
            </MenuPrimitive.ItemIndicator>
            {column.columnDef.meta?.label ?? column.id}
          </MenuPrimitive.CheckboxItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
