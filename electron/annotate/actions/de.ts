import type { ActionWords } from './types';

export const DE: ActionWords = {
  funding: ['Finanzierung*', 'aufgebracht', 'eingesammelt', 'einsammeln', 'Kapitalrunde'],
  ipo: ['Börsengang*', 'IPO'],
  invest: ['investier*', 'Investition*'],
  budget: ['Budget*', 'Haushalt'],
  valuation: ['Bewertung', 'bewertet'],
  richest: ['reichste*'],
  patent: ['Patent*'],
  test: ['getestet', 'testet*', 'Test'],
  launch: ['startet', 'startete', 'starteten', 'gestartet', 'eingeführt', 'lanciert', 'lancierte', 'Start', 'Einführung'],
  order: ['angeordnet', 'ordnete*', 'Regulierer', 'Aufsichtsbehörde*'],
  propose: ['vorgeschlagen', 'schlug*'],
  hire: ['eingestellt'],
  announce: ['Ankündigung', 'angekündigt', 'kündigte*'],
  report: ['berichtete*', 'berichtet'],
  speak: ['Vortrag', 'erklärte', 'sagte', 'sprach'],
  publish: ['veröffentlicht*'],
};

/** Nouns that refer back to an organisation named before ("the company", "the conglomerate"). */
export const DE_ORG_NOUNS: readonly string[] = ['Unternehmen', 'Unternehmens', 'Konzern', 'Konzerns', 'Firma', 'Gruppe'];
