/** Escapes text for an XML element's content. */
function escapeXml(value: unknown): string {
  return String(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/**
 * A PDF/A extension schema that declares pdfuaid:part: PDF/A-2 allows only
 * predefined XMP properties unless the file describes the others itself.
 */
const PDFUA_EXTENSION_SCHEMA = `
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
  <pdfaExtension:schemas>
    <rdf:Bag>
      <rdf:li rdf:parseType="Resource">
        <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
        <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
        <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
        <pdfaSchema:property>
          <rdf:Seq>
            <rdf:li rdf:parseType="Resource">
              <pdfaProperty:name>part</pdfaProperty:name>
              <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
              <pdfaProperty:category>internal</pdfaProperty:category>
              <pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>
            </rdf:li>
          </rdf:Seq>
        </pdfaSchema:property>
      </rdf:li>
    </rdf:Bag>
  </pdfaExtension:schemas>
</rdf:Description>`;

/**
 * The XMP packet body of a tagged PDF, in place of pdfkit's own (which does
 * not escape its values, so a practice called "Smith & Jones" would break
 * it): creation date and tool, title, author, description and language
 * (Dublin Core), producer and keywords, and the PDF/UA-1 identification
 * (PDF/UA 5), declared for PDF/A when the file is PDF/A too.
 */
export function accessibilityXmp({
  info,
  lang,
  pdfa,
}: {
  info: Record<string, unknown>;
  lang: string;
  pdfa: boolean;
}): string {
  const created = info.CreationDate instanceof Date ? info.CreationDate : new Date();
  const alt = (value: unknown) =>
    `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li></rdf:Alt>`;
  const dublinCore = [
    info.Title ? `<dc:title>${alt(info.Title)}</dc:title>` : '',
    info.Author
      ? `<dc:creator><rdf:Seq><rdf:li>${escapeXml(info.Author)}</rdf:li></rdf:Seq></dc:creator>`
      : '',
    info.Subject ? `<dc:description>${alt(info.Subject)}</dc:description>` : '',
    `<dc:language><rdf:Bag><rdf:li>${escapeXml(lang)}</rdf:li></rdf:Bag></dc:language>`,
  ].join('');
  return `
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
  <xmp:CreateDate>${`${created.toISOString().split('.')[0]}Z`}</xmp:CreateDate>
  <xmp:CreatorTool>${escapeXml(info.Creator ?? '')}</xmp:CreatorTool>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">${dublinCore}</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
  <pdf:Producer>${escapeXml(info.Producer ?? '')}</pdf:Producer>${
    info.Keywords
      ? `
  <pdf:Keywords>${escapeXml(info.Keywords)}</pdf:Keywords>`
      : ''
  }
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
  <pdfuaid:part>1</pdfuaid:part>
</rdf:Description>${pdfa ? PDFUA_EXTENSION_SCHEMA : ''}`;
}
