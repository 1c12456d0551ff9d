import type { Document } from '@groundwork/content';
import type { ReactNode } from 'react';
import { ContentSections } from './content-blocks';

/**
 * The brand as the HTML preview needs it: contact lines and the logo URL.
 * Colours and typeface come from the brand stylesheet (CSS custom properties),
 * because the portal's Content-Security-Policy forbids inline styles.
 */
export interface PreviewBrand {
  practiceName: string;
  logoUrl?: string | undefined;
  address?: string | undefined;
  phone?: string | undefined;
  emergencyPhone?: string | undefined;
  website?: string | undefined;
  footerNote?: string | undefined;
}

/**
 * The same content blocks the PDF renderer draws, as HTML with the practice's
 * brand applied: a fast, approximate preview that updates as settings change.
 */
export function DocumentPreview({
  document,
  brand,
  paper,
  reviewLine,
}: {
  document: Document;
  brand: PreviewBrand;
  paper: string;
  /** Who reviewed it for the practice (lib/signoffs); without it, the content's reviewer. */
  reviewLine?: string | undefined;
}): ReactNode {
  const contact = [brand.address, brand.phone, brand.website].filter(Boolean).join(' · ');
  return (
    <article
      className={`document-preview paper-${paper.toLowerCase()}`}
      lang={document.locale}
      aria-label={`Preview: ${document.title}`}
    >
      <header>
        {brand.logoUrl ? <img src={brand.logoUrl} alt={`${brand.practiceName} logo`} /> : null}
        <p className="practice-name">{brand.practiceName}</p>
      </header>
      <h3>{document.title}</h3>
      <ContentSections document={document} mode="paper" idPrefix="preview-" sectionLevel={4} />
      <footer>
        {brand.emergencyPhone ? <p className="emergency">{brand.emergencyPhone}</p> : null}
        {contact ? <p>{contact}</p> : null}
        {brand.footerNote ? <p>{brand.footerNote}</p> : null}
        <p className="disclaimer">{document.disclaimer}</p>
        <p className="version" data-testid="preview-reviewer-line">
          {reviewLine
            ? `v${document.version} · ${reviewLine}`
            : `v${document.version} · ${document.reviewedAt} · ${document.reviewer}`}
        </p>
      </footer>
    </article>
  );
}
