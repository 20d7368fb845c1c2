import { describe, it, expect } from 'vitest';
import { find } from './helpers';

// Reference 2013-02-12 is a Tuesday.
const REF = '2013-02-12';

describe('English: counted and month-relative days', () => {
  it("reads 'the 20th of next month' and '5th day of the current month' as days in a month counted from the reference", () => {
    expect(find('Payments resume on the 20th of next month, the ministry said.', 'en', REF, '20th')?.value).toBe('2013-03-20');
    expect(find('The vote was set for the 5th day of the current month.', 'en', REF, '5th')?.value).toBe('2013-02-05');
    expect(find('Rent is due 28 of the previous month at the latest.', 'en', REF, '28')?.value).toBe('2013-01-28');
  });
  it("does not read '20 next month' or '3 days of next month' as a day", () => {
    expect(find('Some 3 days of next month are holidays.', 'en', REF, '3 days of')).toBeUndefined();
  });
  it("reads 'the upcoming two weeks' and '3 upcoming months' as the unit that many steps ahead", () => {
    expect(find('Talks resume in the upcoming two weeks.', 'en', REF, 'upcoming')?.value).toBe('2013-W09');
    expect(find('Prices rise over the 3 upcoming months.', 'en', REF, 'upcoming')?.value).toBe('2013-05');
  });
  it("reads '3 Fridays from now' and 'two Thursdays ago' as the nth such weekday", () => {
    expect(find('The board meets 3 Fridays from now.', 'en', REF, 'Fridays')?.value).toBe('2013-03-01');
    expect(find('He resigned two Thursdays ago.', 'en', REF, 'Thursdays')?.value).toBe('2013-01-31');
    expect(find('The office closes on Fridays.', 'en', REF, 'Fridays')).toBeUndefined();
  });
  it("reads 'the second last week of October 2018' and 'fifth last day of May 2014' counted from the end", () => {
    expect(find('Polls open in the second last week of October 2018.', 'en', REF, 'October')?.value).toBe('2018-W42');
    expect(find('The fifth last day of May 2014 was hot.', 'en', REF, 'May')?.value).toBe('2014-05-27');
  });
  it("reads 'the first Monday in the month' with 'in' for 'of'", () => {
    expect(find('Meetings are held on the first Monday in this month.', 'en', REF, 'Monday')?.value).toBe('2013-02-04');
  });
});

describe('English: holidays shifted, weeks of a year, weekdays of a named week', () => {
  it("reads 'Thanksgiving in 3 years' and 'Easter two years ago' as that year's holiday", () => {
    expect(find('The parade returns Thanksgiving in 3 years, organisers said.', 'en', REF, 'Thanksgiving')?.value).toBe('2016-11-24');
    expect(find('The church burned down Easter two years ago.', 'en', REF, 'Easter')?.value).toBe('2011-04-24');
    expect(find('We met Thanksgiving in a year of drought.', 'en', REF, 'Thanksgiving')?.value).toBe('2014-11-27');
  });
  it("does not take 'Christmas in Paris' as a shift", () => {
    expect(find('She spent Christmas in Paris.', 'en', REF, 'Christmas')?.text).toBe('Christmas');
  });
  it("reads 'the third last week of 2018' and 'the first Monday of 2019' over the whole year", () => {
    expect(find('Shipments resume in the third last week of 2018.', 'en', REF, 'week')?.value).toBe('2018-W50');
    expect(find('The law takes effect on the first Monday of 2019.', 'en', REF, 'Monday')?.value).toBe('2019-01-07');
  });
  it("reads 'last week's Sunday' and 'Sunday from last week' as the Sunday of last week", () => {
    expect(find("Police released last week's Sunday footage.", 'en', REF, 'Sunday')?.value).toBe('2013-02-10');
    expect(find('The clip is Sunday from last week.', 'en', REF, 'Sunday')?.value).toBe('2013-02-10');
  });
  it("reads 'February the 15th' but not 'march the 3rd battalion'", () => {
    expect(find('The hearing is set for February the 15th.', 'en', REF, 'February')?.value).toBe('2013-02-15');
    expect(find('They will march the 3rd battalion north.', 'en', REF, 'march')).toBeUndefined();
  });
});

describe('English: days counted from a dated day', () => {
  it("reads 'three days after Easter' and 'two weeks before May 3, 2014'", () => {
    expect(find('The shop reopens three days after Easter.', 'en', REF, 'Easter')?.value).toBe('2013-04-03');
    expect(find('The strike ended two weeks before May 3, 2014.', 'en', REF, 'May')?.value).toBe('2014-04-19');
  });
  it("leaves 'five days after the vote' a duration", () => {
    expect(find('Five days after the vote, he resigned.', 'en', REF, 'days')?.type).toBe('DURATION');
  });
});
