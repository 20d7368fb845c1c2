import type { ActionWords } from './types';

export const EN: ActionWords = {
  funding: ['funding round', 'funding', 'raise*', 'raising'],
  ipo: ['IPO', 'initial public offering', 'listing'],
  invest: ['invest*', 'spend', 'spends', 'spending', 'devote', 'devotes'],
  budget: ['budget*'],
  valuation: ['valuation', 'valued'],
  richest: ['richest'],
  patent: ['patent*'],
  test: ['test*'],
  launch: ['launch*'],
  order: ['order*', 'regulator*'],
  propose: ['propos*'],
  hire: ['hire*', 'hiring'],
  announce: ['announce*'],
  report: ['report*'],
  speak: ['said', 'says', 'speech', 'told'],
  publish: ['publish*'],
};

/** Nouns that refer back to an organisation named before ("the company", "the conglomerate"). */
export const EN_ORG_NOUNS: readonly string[] = ['company', 'group', 'firm', 'conglomerate'];
