import type { ActionWords } from './types';

export const FR: ActionWords = {
  funding: ['levée*', 'financement*', 'lever', 'levé'],
  ipo: ['introduction en bourse', 'IPO'],
  invest: ['invest*', 'consacrer', 'consacrera'],
  budget: ['budget*'],
  valuation: ['valoris*'],
  richest: ['plus riche'],
  patent: ['brevet*'],
  test: ['testé*', 'teste', 'test'],
  launch: ['lancé*', 'lance', 'lancement', 'lancer'],
  order: ['ordonn*', 'régulateur*'],
  propose: ['proposé', 'proposée', 'proposent', 'propose'],
  hire: ['embauch*', 'recrut*'],
  announce: ['annon*'],
  report: ['rapporté', 'rapporte'],
  speak: ['déclaré', 'déclare', 'selon'],
  publish: ['publié*'],
};

/** Nouns that refer back to an organisation named before ("the company", "the conglomerate"). */
export const FR_ORG_NOUNS: readonly string[] = ['société', 'groupe', 'entreprise', 'firme', 'conglomérat'];
