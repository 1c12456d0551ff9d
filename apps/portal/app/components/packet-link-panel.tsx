/**
 * A patient's link, shown once after it is made (only its hash is stored):
 * to open on this device for signing in the clinic, to copy, or to print as
 * a QR code.
 */
export function PacketLinkPanel({
  link,
  qrSvg,
  expiresAt,
}: {
  link: string;
  qrSvg: string;
  expiresAt: string;
}) {
  const qrSource = `data:image/svg+xml;base64,${btoaUtf8(qrSvg)}`;
  return (
    <section aria-labelledby="packet-link-heading" className="packet-link">
      <h2 id="packet-link-heading">The patient’s link</h2>
      <p className="hint">
        Shown this once: the portal keeps only a fingerprint of it. It works until {expiresAt} and
        until the patient has signed. Making a new link stops this one.
      </p>
      <p>
        <a className="button" href={`${link}?here=1`} target="_blank" rel="noreferrer">
          Sign here now (open on this device)
        </a>
      </p>
      <div className="field">
        <label htmlFor="packet-link-text">Link</label>
        <input id="packet-link-text" type="text" readOnly value={link} />
      </div>
      <figure className="packet-qr">
        <img src={qrSource} alt="QR code of the patient’s link" width={220} height={220} />
        <figcaption>Scan with the phone’s camera to open the documents.</figcaption>
      </figure>
      <p className="hint no-print">Print this page to hand the QR code to the patient.</p>
    </section>
  );
}

/** Base64 of UTF-8 text, in the browser and on the server alike. */
function btoaUtf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
