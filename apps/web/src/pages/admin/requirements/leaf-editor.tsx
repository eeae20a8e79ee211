import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { Select } from '../../../components/ui/select';
import { networkName } from '../../../lib/format';
import { useBuilder } from './builder-context';
import { type DraftLeaf, updateNode } from './draft';
import { LEAF_KINDS, type LeafField, readField, writeField } from './leaf-kinds';

/** Words for a select's option: networks by their name, methods by the console's words, the rest from the catalog. */
function useOptionWords() {
  const { t } = useTranslation(['campaign', 'admin']);
  return (field: LeafField, option: string) => {
    if (field.key === 'network') return networkName(option);
    if (field.key === 'method') return t(`admin:methods.${option}`);
    return t(`campaign:requirementTree.option.${field.key}.${option}`);
  };
}

/** FormField gives the control its id and error wiring; they go on the input itself. */
type Wiring = {
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'aria-errormessage'?: string;
};

function FieldControl({ leaf, field, ...wiring }: { leaf: DraftLeaf; field: LeafField } & Wiring) {
  const { t } = useTranslation('campaign', { keyPrefix: 'requirementTree' });
  const { setRoot, campaigns, activities } = useBuilder();
  const optionWords = useOptionWords();
  const value = readField(leaf.leaf, field.path);
  const set = (next: unknown) =>
    setRoot((root) =>
      updateNode(root, leaf.id, (node) =>
        node.type === 'leaf' ? { ...node, leaf: writeField(node.leaf, field.path, next) } : node,
      ),
    );
  const control = field.control;
  switch (control.input) {
    case 'text':
      return (
        <Input
          {...wiring}
          value={typeof value === 'string' ? value : ''}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => set(e.target.value)}
        />
      );
    case 'number':
      return (
        <Input
          {...wiring}
          type="number"
          inputMode="numeric"
          min={control.min}
          max={control.max}
          value={typeof value === 'number' ? String(value) : ''}
          onChange={(e) => set(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      );
    case 'select':
      return (
        <Select {...wiring} value={String(value ?? '')} onChange={(e) => set(e.target.value)}>
          {control.options.map((o) => (
            <option key={o} value={o}>
              {optionWords(field, o)}
            </option>
          ))}
        </Select>
      );
    case 'campaign':
      return (
        <Select
          {...wiring}
          value={typeof value === 'number' ? String(value) : ''}
          onChange={(e) => set(e.target.value === '' ? undefined : Number(e.target.value))}
        >
          <option value="">{field.optional ? t('field.thisCampaign') : t('field.pickCampaign')}</option>
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      );
    case 'activities': {
      const ids = Array.isArray(value) ? (value as number[]) : [];
      if (activities.length === 0)
        return <p className="text-muted-foreground text-sm">{t('field.noActivities')}</p>;
      return (
        <div className="grid gap-1">
          {activities.map((a) => (
            <label key={a.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="size-4 accent-primary"
                checked={ids.includes(a.id)}
                onChange={(e) => set(e.target.checked ? [...ids, a.id] : ids.filter((id) => id !== a.id))}
              />
              {a.name}
            </label>
          ))}
        </div>
      );
    }
  }
}

/** A leaf's own fields, laid out by the leaf kinds table; a field that does not parse says so beside it. */
export function LeafFields({ leaf }: { leaf: DraftLeaf }) {
  const { t } = useTranslation('campaign', { keyPrefix: 'requirementTree' });
  const { issues } = useBuilder();
  const bad = issues.fields.get(leaf.id);
  const spec = LEAF_KINDS[leaf.leaf.kind];
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {spec.fields
        .filter((f) => !f.when || f.when(leaf.leaf))
        .map((field) => {
          const label = t(`field.${field.key}`);
          if (field.control.input === 'activities') {
            return (
              <fieldset key={field.key} className="grid gap-1.5 sm:col-span-2">
                <legend className="mb-1 font-medium text-sm">{label}</legend>
                <FieldControl leaf={leaf} field={field} />
                {bad?.has(field.key) && <p className="text-destructive text-xs">{t('issue.pickActivity')}</p>}
              </fieldset>
            );
          }
          return (
            <FormField
              key={field.key}
              label={field.optional ? t('field.optional', { label }) : label}
              error={bad?.has(field.key) ? t('issue.field', { label }) : undefined}
            >
              <FieldControl leaf={leaf} field={field} />
            </FormField>
          );
        })}
    </div>
  );
}
