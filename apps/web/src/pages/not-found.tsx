import { ArrowLeft, Compass, Trophy } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Button } from '../components/ui/button';
import { useDocumentTitle } from '../lib/document-title';

/** The two ways back in: the start, and the campaigns (what most visitors came for). */
const WAYS_BACK = [
  { to: '/', icon: ArrowLeft, label: 'notFound.home', variant: 'default' },
  { to: '/campaigns', icon: Trophy, label: 'notFound.campaigns', variant: 'outline' },
] as const;

/** Any address the SPA does not know: say so plainly and offer the two ways back in. */
export default function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <section className="mx-auto flex max-w-xl flex-col items-center gap-4 py-10 text-center sm:py-16">
      <span className="grid size-16 place-items-center rounded-full bg-primary/12 text-primary">
        <Compass className="size-8" aria-hidden="true" />
      </span>
      <p className="font-mono font-semibold text-muted-foreground text-sm tracking-widest">404</p>
      <h1 className="font-bold text-3xl sm:text-4xl">{t('notFound.title')}</h1>
      <p className="text-muted-foreground">{t('notFound.body')}</p>
      <div className="mt-2 flex flex-wrap justify-center gap-3">
        {WAYS_BACK.map((way) => (
          <Button key={way.to} asChild variant={way.variant}>
            <Link to={way.to}>
              <way.icon aria-hidden="true" />
              {t(way.label)}
            </Link>
          </Button>
        ))}
      </div>
    </section>
  );
}
