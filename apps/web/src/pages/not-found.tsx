import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../lib/document-title';

export default function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <>
      <h1>Page not found</h1>
      <section className="card">
        <p>There is nothing at this address. The link may be mistyped, or the page may have moved.</p>
        <p>
          <Link to="/">Back to the start</Link>
        </p>
      </section>
    </>
  );
}
