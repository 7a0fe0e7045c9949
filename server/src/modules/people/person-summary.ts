import type { PersonCategory } from '@fugong/contract';

/** What other modules get to know about a person: never a clear ID number or phone. */
export interface PersonSummary {
  id: number;
  name: string;
  idNumberMasked: string;
  phoneMasked: string | null;
  regionCode: string;
  regionPath: string;
  address: string | null;
  category: PersonCategory;
  employerEntityId: number | null;
}
