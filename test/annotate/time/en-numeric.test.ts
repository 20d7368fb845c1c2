import { describe, it, expect } from 'vitest';
import { find, values } from './helpers';

const REF = '2013-02-12';

describe('English: compact numeric dates', () => {
  it("reads '2/15' month first and '15/2' day first when one number can only be a day", () => {
    expect(find('The filing deadline moved to 2/15 this year.', 'en', REF, '2/15')?.value).toBe('2013-02-15');
    expect(find('Tickets go on sale 15/2 in London.', 'en', REF, '15/2')?.value).toBe('2013-02-15');
  });
  it("leaves fractions and '24/7' alone", () => {
    expect(values('Only 1/2 of the voters and 3/4 of the staff came; the shop is open 24/7.', 'en', REF)).toEqual([]);
  });
  it("reads month-first dates with any separator when the order is certain: '10.31.1974', '10-31-74'", () => {
    expect(find('He was born 10.31.1974 in Ohio.', 'en', REF, '1974')?.value).toBe('1974-10-31');
    expect(find('Form dated 10-31-74 was found.', 'en', REF, '74')?.value).toBe('1974-10-31');
  });
  it("reads '31/Oct/1974' and '31-Oct-74'", () => {
    expect(find('Log entry 31/Oct/1974 shows the transfer.', 'en', REF, 'Oct')?.value).toBe('1974-10-31');
    expect(find('Shipped 31-Oct-74 from Leeds.', 'en', REF, 'Oct')?.value).toBe('1974-10-31');
  });
  it("reads '2014-10' as a month but '2009-10' as a season, not October 2009", () => {
    expect(find('The report for 2014-10 shows growth.', 'en', REF, '2014')?.value).toBe('2014-10');
    expect(find('He scored 20 goals in the 2009-10 season.', 'en', REF, '2009')?.value).not.toBe('2009-10');
  });
  it("reads '2018Q4' and '18q4' as quarters of that year", () => {
    expect(find('Revenue in 2018Q4 beat forecasts.', 'en', REF, 'Q4')?.value).toBe('2018-Q4');
    expect(find('Margins fell in 18q4.', 'en', REF, 'q4')?.value).toBe('2018-Q4');
  });
});
