import type { Generated } from 'kysely';

/** A person record; ID number and phone exist only encrypted, keyed-hashed and masked. */
export interface PersonTable {
  id: Generated<number>;
  name: string;
  idType: string;
  idNumberEnc: string;
  idNumberHash: string;
  idNumberMasked: string;
  phoneEnc: string | null;
  phoneHash: string | null;
  phoneMasked: string | null;
  regionCode: string;
  regionPath: string;
  address: string | null;
  category: string;
  employerEntityId: number | null;
  createdAt: string;
  createdBy: number | null;
  updatedAt: string;
}

export interface PeopleTables {
  person: PersonTable;
}
