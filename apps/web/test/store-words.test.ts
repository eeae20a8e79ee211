import {
  ZColorway,
  ZDeviceVariant,
  ZNicotine,
  ZOrderStatus,
  ZPassValidation,
  ZPodFlavor,
} from '@puffy/contracts';
import { describe, expect, it } from 'vitest';
import { i18n } from '../src/i18n';
import { describeItem, type StoreT } from '../src/store/words';

/** Every key path of a catalog, "status.new" style. */
function keysOf(catalog: object, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keysOf(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

const reasons = ZPassValidation.shape.reason.unwrap().options;

describe('store words', () => {
  it('names every value the server can send, in English and German alike', async () => {
    await i18n.reloadResources(['en', 'de'], ['store']);
    const en: object = i18n.getResourceBundle('en', 'store');
    const de: object = i18n.getResourceBundle('de', 'store');
    const needed = [
      ...ZDeviceVariant.options.map((v) => `variant.${v}`),
      ...ZColorway.options.flatMap((c) => [`colorway.${c}`, `colorwayOption.${c}`]),
      ...ZPodFlavor.options.map((f) => `flavor.${f}`),
      ...ZNicotine.options.map((n) => `nicotine.${n}`),
      ...ZOrderStatus.options.flatMap((s) => [`status.${s}`, `statusHint.${s}`]),
      ...reasons.map((r) => `pass.refused.${r}`),
    ];
    expect(needed.filter((key) => !keysOf(en).includes(key))).toEqual([]);
    expect(keysOf(de).sort()).toEqual(keysOf(en).sort());
  });

  it('puts a cart line in words in the chosen language', async () => {
    const item = { kind: 'pods', variant: 'vape', flavor: 'mint_ice', nicotine: '2' } as const;
    expect(describeItem(i18n.getFixedT('en', 'store') as StoreT, item)).toBe(
      'Vape pods, Mint Ice, 2% nicotine',
    );
    await i18n.reloadResources(['de'], ['store']);
    expect(
      describeItem(i18n.getFixedT('de', 'store') as StoreT, {
        kind: 'device',
        variant: 'fresh',
        colorway: 'silver',
      }),
    ).toBe('Fresh-Gerät, Silber');
  });
});
