import { describe, it, expect } from 'vitest';
import { find, values } from './helpers';

const REF = '2013-03-22'; // a Friday

describe('English news', () => {
  it("resolves a bare 'Thursday' to the most recent Thursday before publication", () => {
    expect(find('The bill passed the Senate on Thursday.', 'en', REF, 'Thursday')?.value).toBe('2013-03-21');
  });
  it("resolves 'Friday' in a future sentence to the next Friday", () => {
    expect(find('The committee will vote on Friday.', 'en', REF, 'Friday')?.value).toBe('2013-03-29');
  });
  it("reads 'late last July' as July of the previous year with mod END", () => {
    expect(find('The deal was signed late last July.', 'en', REF, 'July')).toMatchObject({ value: '2012-07', mod: 'END' });
  });
  it("reads 'early 2018', 'Q3 2019' and 'the third quarter'", () => {
    expect(find('Sales rose in early 2018.', 'en', REF, '2018')).toMatchObject({ value: '2018', mod: 'START' });
    expect(find('Revenue for Q3 2019 fell.', 'en', REF, 'Q3')?.value).toBe('2019-Q3');
    expect(find('Profit rose in the third quarter.', 'en', REF, 'quarter')?.value).toBe('2012-Q3');
  });
  it("resolves 'last year', 'this week', 'next month' and 'two years ago'", () => {
    expect(find('Prices fell last year.', 'en', REF, 'year')?.value).toBe('2012');
    expect(find('Talks resumed this week.', 'en', REF, 'week')?.value).toBe('2013-W12');
    expect(find('Talks will resume next month.', 'en', REF, 'month')?.value).toBe('2013-04');
    expect(find('The plant closed two years ago.', 'en', REF, 'ago')?.value).toBe('2011');
  });
  it("resolves 'the following year' against the last date mentioned, not the publication date", () => {
    expect(find('The company was founded in 2005 and listed the following year.', 'en', REF, 'following')?.value).toBe('2006');
  });
  it("tags 'from 2016 to 2018' as two dates and 'five years' as a duration", () => {
    expect(values('From 2016 to 2018 the firm grew.', 'en', REF)).toEqual(['2016', '2018']);
    expect(find('The plan runs for five years.', 'en', REF, 'five')).toMatchObject({ type: 'DURATION', value: 'P5Y' });
  });
  it("does not read 'may' or 'March' as months when they are ordinary words", () => {
    expect(values('Officials may raise rates. Protesters march on the capital.', 'en', REF)).toEqual([]);
    expect(values('May I ask a question?', 'en', REF)).toEqual([]);
  });
  it("reads 'in May' and 'May 5, 2019' as months and days", () => {
    expect(find('The vote is expected in May.', 'en', REF, 'May')?.value).toBe('2012-05');
    expect(find('It happened on May 5, 2019.', 'en', REF, 'May')?.value).toBe('2019-05-05');
  });
  it("leaves '870 million users', '20% off', '$2018' and '2018 employees' untagged", () => {
    expect(values('Alipay has 870 million users. Save 20% off. It costs $2018. The firm has 2018 employees.', 'en', REF)).toEqual([]);
  });
  it("gives '8 June' an unknown year when there is no publication date", () => {
    expect(find('The meeting took place on 8 June.', 'en', null, 'June')?.value).toBe('XXXX-06-08');
  });
});
