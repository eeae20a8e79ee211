import i18next, { type BackendModule, type i18n as I18n, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setFormatLocale } from '../lib/intl';

/**
 * Every word meant for people comes from a catalog: locales/<language>/<namespace>.json. `common`
 * (header, footer, wallet control, errors) and `home` (the first screen) ship in the first chunk in
 * English, the fallback, so an English first paint never waits; a German visitor's first paint waits
 * for those two catalogs (about 1 KB gzip), which keeps the first load within its budget
 * (docs/design-system.md). Every other namespace is its own small chunk, loaded with its page.
 */
export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch' };
const STORAGE_KEY = 'puffy.language';

type Catalog = Record<string, ResourceKey>;
const firstLoad = import.meta.glob<Catalog>('./locales/en/{common,home}.json', {
  eager: true,
  import: 'default',
});
const onDemand = import.meta.glob<Catalog>(['./locales/*/*.json', '!./locales/en/{common,home}.json'], {
  import: 'default',
});
const catalogPath = (language: string, namespace: string) => `./locales/${language}/${namespace}.json`;

/** Every namespace that has an English catalog (English is complete; others fall back to it). */
export const NAMESPACES = [...Object.keys(firstLoad), ...Object.keys(onDemand)]
  .filter((path) => path.startsWith('./locales/en/'))
  .map((path) => path.slice('./locales/en/'.length, -'.json'.length));

const chunkBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, done) {
    const load = onDemand[catalogPath(language, namespace)];
    // A namespace not translated yet: i18next falls back to English for every key.
    if (!load) return done(null, {});
    load().then(
      (catalog) => done(null, catalog),
      (error: unknown) => done(error instanceof Error ? error.message : String(error), null),
    );
  },
};

function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored && (LANGUAGES as readonly string[]).includes(stored)) return stored as Language;
  } catch {
    // Storage blocked: use the browser's language below.
  }
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages;
  return preferred.some((tag) => tag.toLowerCase().startsWith('de')) ? 'de' : 'en';
}

const resources: Record<string, Record<string, Catalog>> = {};
for (const [path, catalog] of Object.entries(firstLoad)) {
  const [, , language = 'en', file = ''] = path.split('/');
  resources[language] = { ...resources[language], [file.replace(/\.json$/, '')]: catalog };
}

export const i18n: I18n = i18next.createInstance();

function follow(language: string) {
  setFormatLocale(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

i18n.on('languageChanged', follow);

void i18n
  .use(chunkBackend)
  .use(initReactI18next)
  .init({
    lng: initialLanguage(),
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    ns: ['common', 'home'],
    defaultNS: 'common',
    // Words every screen may show (a campaign card's phase, methods, window and places) live in `common`
    // and are found from any namespace, so the home page's cards need no other catalog.
    fallbackNS: 'common',
    resources,
    // The first-load catalogs are given; the others still come from the backend.
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: true },
  });

/** Switches the language for this visit and remembers it in this browser. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered; still switched for this visit.
  }
  await i18n.changeLanguage(language);
}

export const currentLanguage = (): Language =>
  (LANGUAGES as readonly string[]).includes(i18n.resolvedLanguage ?? '')
    ? (i18n.resolvedLanguage as Language)
    : 'en';
