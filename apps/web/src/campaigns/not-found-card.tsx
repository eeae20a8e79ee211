import { SearchX } from 'lucide-react';
import { Link } from 'react-router-dom';
import { Button } from '../components/ui/button';
import { Card } from '../components/ui/card';

/** A page whose thing does not exist: what is missing, why, and the way back to the campaigns. */
export function NotFoundCard({
  title,
  body,
  back,
  testId,
}: {
  title: string;
  body: string;
  back: string;
  testId: string;
}) {
  return (
    <Card as="section" className="mx-auto w-full max-w-lg items-center text-center" data-testid={testId}>
      <SearchX className="size-10 text-muted-foreground" aria-hidden="true" />
      <h1 className="font-bold text-2xl">{title}</h1>
      <p className="text-muted-foreground">{body}</p>
      <Button asChild variant="secondary">
        <Link to="/campaigns">{back}</Link>
      </Button>
    </Card>
  );
}
