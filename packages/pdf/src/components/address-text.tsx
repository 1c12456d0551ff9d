import { Text } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import { addressSegments } from '../text/hyphenate.js';

/**
 * An invisible break: a space set at 0.01 pt. Inside a word, textkit can only
 * break by drawing a hyphen; at a space it breaks cleanly. A space this small
 * leaves no gap on the line and pdftotext reads the address back whole.
 */
function AddressBreak() {
  return <Text style={{ fontSize: 0.01 }}> </Text>;
}

// A URL (with a scheme or "www.") or an e-mail address inside running text.
const ADDRESS =
  /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"]+[^\s<>".,;:!?)\]]|[^\s@<>()"]+@[^\s@<>()"]+\.[^\s@<>()".,;:!?]+/giu;

/**
 * A URL or e-mail address as text fragments that may break after "/", "."
 * (and "@") without a hyphen or any other character added: the way the
 * letterhead's website, a reference's link and addresses in running text are
 * set. Nest it inside a `<Text>`.
 */
export function AddressText({ address }: { address: string }): ReactNode {
  let offset = 0;
  return addressSegments(address).flatMap((segment) => {
    const at = offset;
    offset += segment.length;
    // Keyed by where the break falls in the address.
    return at === 0 ? [segment] : [<AddressBreak key={`break-${at}`} />, segment];
  });
}

// A phone number: digits, spaces and phone punctuation, at least 7 digits' worth.
const PHONE = /\+?\(?\d[\d ().-]{5,}\d/gu;

/** Keeps a phone number on one line: its spaces become no-break spaces. */
export function keepPhoneNumbersTogether(text: string): string {
  return text.replace(PHONE, (phone) => phone.replace(/ /g, '\u00A0'));
}

/**
 * Plain text with each URL and e-mail address in it set as
 * {@link AddressText}, and each phone number kept on one line.
 */
export function TextWithAddresses({ text: given }: { text: string }): ReactNode {
  const text = keepPhoneNumbersTogether(given);
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(ADDRESS)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push(<AddressText key={match.index} address={match[0]} />);
    last = match.index + match[0].length;
  }
  if (last === 0) return text;
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
