import { type LucideIcon, Plus } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Button, type ButtonProps } from '../../components/ui/button';
import { Select } from '../../components/ui/select';

type Look = Pick<ButtonProps, 'variant' | 'size'>;

/** A link that looks like a button, with its icon: "New campaign", "Back to the campaign". */
export function LinkButton({
  to,
  icon: Icon,
  children,
  ...look
}: Look & { to: string; icon: LucideIcon; children: ReactNode }) {
  return (
    <Button asChild {...look}>
      <Link to={to}>
        <Icon aria-hidden="true" />
        {children}
      </Link>
    </Button>
  );
}

/**
 * A list's create action beside its heading, with the plus: a link to the new item's own page (`to`),
 * or a button that opens the list's create dialog (`onClick`).
 */
export function CreateButton({
  children,
  ...target
}: { children: ReactNode } & ({ to: string } | { onClick: () => void })) {
  if ('to' in target) {
    return (
      <LinkButton to={target.to} icon={Plus}>
        {children}
      </LinkButton>
    );
  }
  return (
    <Button onClick={target.onClick}>
      <Plus aria-hidden="true" />
      {children}
    </Button>
  );
}

/**
 * A small action in a table row or a pager: its icon always, its word from 640 px on, so a row fits a
 * phone. The word (or `name`, when the row needs saying which one) stays its name for screen readers.
 */
export function RowAction({
  icon: Icon,
  label,
  name,
  iconAfter = false,
  ...props
}: Omit<ButtonProps, 'children'> & { icon: LucideIcon; label: string; name?: string; iconAfter?: boolean }) {
  const icon = <Icon aria-hidden="true" />;
  return (
    <Button size="sm" aria-label={name ?? label} {...props}>
      {!iconAfter && icon}
      <span className="hidden sm:inline">{label}</span>
      {iconAfter && icon}
    </Button>
  );
}

/**
 * A choice among an enum's values, each in words; with `anyLabel`, an empty first choice ("any kind").
 * The value handed back is one of `values` (or ''), so callers need no cast or parse.
 */
export function EnumSelect<V extends string>(props: {
  id: string;
  value: V | '';
  values: readonly V[];
  words: (value: V) => string;
  onChange: (value: V | '') => void;
  anyLabel?: string;
}) {
  return (
    <Select
      id={props.id}
      value={props.value}
      onChange={(e) => props.onChange(props.values.find((v) => v === e.target.value) ?? '')}
    >
      {props.anyLabel !== undefined && <option value="">{props.anyLabel}</option>}
      {props.values.map((v) => (
        <option key={v} value={v}>
          {props.words(v)}
        </option>
      ))}
    </Select>
  );
}

/** What a save or an action did, said once it is done: "Saved.", "3 codes issued." */
export function DoneNote({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="font-medium text-sm text-success">
      {children}
    </p>
  );
}
