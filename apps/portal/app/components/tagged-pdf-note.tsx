/**
 * Says that a download is a tagged PDF: @groundwork/pdf writes PDF/UA-1
 * (headings, lists, tables, alternative text and reading order for screen
 * readers). Each PDF also has an HTML twin in the portal.
 */
export function TaggedPdfNote({ count = 1 }: { count?: number }) {
  return (
    <p className="hint">
      {count === 1
        ? 'This PDF is tagged for screen readers (PDF/UA-1).'
        : 'These PDFs are tagged for screen readers (PDF/UA-1).'}
    </p>
  );
}
