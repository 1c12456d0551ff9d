import type { Db } from '../../db/client.server';
import { currentRenderBrand, getLogo } from '../documents/brand-kit.server';

/** The practice's name and logo (as a data URL) for the top of the patient's pages. */
export async function patientBrand(db: Db, practice: { id: string; name: string }) {
  const brand = await currentRenderBrand(db, practice);
  const logo = brand.logoId
    ? await getLogo(db, { practiceId: practice.id, logoId: brand.logoId })
    : null;
  return {
    brand,
    header: {
      practiceName: practice.name,
      logo: logo
        ? `data:${logo.mimeType};base64,${Buffer.from(logo.bytes).toString('base64')}`
        : null,
    },
  };
}
