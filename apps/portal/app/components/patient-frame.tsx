import type { ReactNode } from 'react';

/** The patient's pages: the practice's name and logo on top, the content in the patient's language. */
export function PatientFrame({
  header,
  locale,
  notice,
  children,
}: {
  header: { practiceName: string; logo: string | null };
  locale: string;
  notice?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className="document-preview patient-page" lang={locale}>
      <div className="patient-brand">
        {header.logo ? <img src={header.logo} alt="" /> : null}
        <p>
          <strong>{header.practiceName}</strong>
        </p>
      </div>
      {notice ? <p className="notice">{notice}</p> : null}
      {children}
    </div>
  );
}
