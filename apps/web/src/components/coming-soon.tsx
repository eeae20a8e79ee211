import type { ReactNode } from 'react';
import { useDocumentTitle } from '../lib/document-title';

interface ComingSoonProps {
  title: string;
  /** Which part of the product brings this page, e.g. "the campaign engine". */
  arrivesWith: string;
  /** What the page will offer; a description, never sample data. */
  plans: string[];
  children?: ReactNode;
}

/**
 * An honest page for a part of the product that is not built yet: it says what will be here and what
 * brings it, and shows no made-up data.
 */
export function ComingSoon({ title, arrivesWith, plans, children }: ComingSoonProps) {
  useDocumentTitle(title);
  return (
    <>
      <h1>{title}</h1>
      <section className="card">
        <p className="badge">Coming with {arrivesWith}</p>
        {children}
        <p>What you will find here:</p>
        <ul className="plans">
          {plans.map((plan) => (
            <li key={plan}>{plan}</li>
          ))}
        </ul>
      </section>
    </>
  );
}
