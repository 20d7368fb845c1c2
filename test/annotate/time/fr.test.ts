import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { tagTimexes } from '../../../electron/annotate/time/index';
import { find, values } from './helpers';

const REF = '2020-05-27';

describe('French news (sample article 003, published 2020-05-27)', () => {
  const text = readFileSync(new URL('../../../../shared/corpus/003_450c214e5197ce59.txt', import.meta.url), 'utf8');
  const tags = tagTimexes(text, { lang: 'fr', ref: REF });
  const byText = (s: string) => tags.find((t) => t.text.includes(s));

  it("resolves 'le 26 mai' to the day before publication", () => {
    expect(byText('26 mai')?.value).toBe('2020-05-26');
  });
  it("reads 'au cours des cinq prochaines années' as a five-year duration", () => {
    expect(byText('cinq prochaines')).toMatchObject({ type: 'DURATION', value: 'P5Y' });
  });
  it("resolves 'Le 30 avril' and 'Le 24 mai' in the publication year", () => {
    expect(byText('30 avril')?.value).toBe('2020-04-30');
    expect(byText('24 mai')?.value).toBe('2020-05-24');
  });
  it("leaves '20%', '70 milliards', '30 places' and '5G' untagged", () => {
    expect(tags.some((t) => /20|70|30 places|5G/.test(t.text))).toBe(false);
  });
});

describe('French date forms', () => {
  it("reads '1er mai 2019' and 'le 14 juillet' as days", () => {
    expect(values('Le 1er mai 2019, les syndicats ont défilé.', 'fr', REF)).toEqual(['2019-05-01']);
    expect(values('Le défilé a eu lieu le 14 juillet.', 'fr', REF)).toEqual(['2019-07-14']);
  });
  it("resolves 'hier', 'avant-hier', 'aujourd'hui' and 'demain'", () => {
    expect(find('Hier, le ministre a parlé.', 'fr', REF, 'Hier')?.value).toBe('2020-05-26');
    expect(find("Avant-hier, la bourse a chuté.", 'fr', REF, 'Avant')?.value).toBe('2020-05-25');
    expect(find("Aujourd'hui, la bourse ouvre.", 'fr', REF, 'Aujourd')?.value).toBe('2020-05-27');
    expect(find('Demain, le vote aura lieu.', 'fr', REF, 'Demain')?.value).toBe('2020-05-28');
  });
  it("resolves 'l'an dernier', 'l'année prochaine' and 'cette semaine'", () => {
    expect(find("Les ventes ont baissé l'an dernier.", 'fr', REF, 'dernier')?.value).toBe('2019');
    expect(find("Le projet démarrera l'année prochaine.", 'fr', REF, 'année')?.value).toBe('2021');
    expect(find('Cette semaine, le marché a progressé.', 'fr', REF, 'semaine')?.value).toBe('2020-W22');
  });
  it("resolves 'il y a deux ans' to a year", () => {
    expect(find('Il y a deux ans, la société a été fondée.', 'fr', REF, 'ans')?.value).toBe('2018');
  });
  it("reads 'début juin', 'mi-mars' and 'fin 2019' with their modifiers", () => {
    expect(find('Début juin, les magasins rouvriront.', 'fr', REF, 'juin')).toMatchObject({ value: '2020-06', mod: 'START' });
    expect(find('Début juin, les magasins ont rouvert.', 'fr', REF, 'juin')).toMatchObject({ value: '2019-06', mod: 'START' });
    expect(find('À la mi-mars, le confinement a commencé.', 'fr', REF, 'mars')).toMatchObject({ value: '2020-03', mod: 'MID' });
    expect(find('Fin 2019, le virus est apparu.', 'fr', REF, '2019')).toMatchObject({ value: '2019', mod: 'END' });
  });
  it("reads 'au deuxième trimestre' as a quarter", () => {
    expect(find('Au deuxième trimestre, le PIB a reculé.', 'fr', REF, 'trimestre')?.value).toBe('2020-Q2');
  });
  it("tags the range 'de 2016 à 2018' as two years", () => {
    expect(values('De 2016 à 2018, la croissance a été forte.', 'fr', REF)).toEqual(['2016', '2018']);
  });
  it("does not take the participle 'été' for summer", () => {
    expect(values('Le contrat a été signé par les deux parties.', 'fr', REF)).toEqual([]);
  });
  it("leaves '1,6 milliard' untagged", () => {
    expect(values('Un budget de 1,6 milliard de dollars.', 'fr', REF)).toEqual([]);
  });
});
