import { describe, expect, it } from 'vitest';
import { cleanAuthors } from './author-names';

/** The names found, written as a British reader would ("A, B and C"), to keep the cases short. */
const cleanByline = (...args: Parameters<typeof cleanAuthors>) => {
  const names = cleanAuthors(...args);
  return names && new Intl.ListFormat('en-GB', { type: 'conjunction' }).format(names);
};

describe('cleanAuthors', () => {
  it.each([
    [['By Jane Doe, Staff Writer · Updated March 3'], 'Jane Doe'],
    [['Written by Jane Doe'], 'Jane Doe'],
    [['Von Lena Vogt'], 'Lena Vogt'],
    [['By JANE DOE and JOHN ROE'], 'Jane Doe and John Roe'],
    [['Ann Lee, Bo Chen & Cy Diaz'], 'Ann Lee, Bo Chen and Cy Diaz'],
    [['Jane Doe', 'John Roe'], 'Jane Doe and John Roe'],
    [['Wednesday January 18, 2017 10:44 am PST by Juli Clover'], 'Juli Clover'],
    [['By | Meg Wagner | NEW YORK DAILY NEWS | Dec 16, 2016'], 'Meg Wagner'],
    [['Doe, Jane'], 'Jane Doe'],
    [['Pete Evans · CBC News · Posted: Oct 14, 2022 9:27 AM ET'], 'Pete Evans'],
  ])('%j → %s', (raw, expected) => {
    expect(cleanByline(raw)).toBe(expected);
  });

  it('never returns a URL, the site name, a role or interface words', () => {
    expect(cleanByline(['https://www.facebook.com/someone'])).toBeUndefined();
    expect(cleanByline(['/@someone'])).toBeUndefined();
    expect(cleanByline(['Example Times'], 'Example Times')).toBeUndefined();
    expect(cleanByline(['Staff Writer'])).toBeUndefined();
    expect(cleanByline(['Sign In'])).toBeUndefined();
    expect(cleanByline(['By'])).toBeUndefined();
  });

  it('in strict mode (page text) wants capitalised names', () => {
    expect(cleanByline(['by the way this is prose'], '', true)).toBeUndefined();
    expect(cleanByline(['Ludwig van Beethoven'], '', true)).toBe('Ludwig van Beethoven');
  });
});

describe('cleanByline: what surrounds the names', () => {
  it('drops contact links and date words that come as their own pieces', () => {
    expect(cleanByline(['Jennifer Rubin', 'Email', 'Bio'])).toBe('Jennifer Rubin');
    expect(cleanByline(['Andrew Husband', 'Twitter'])).toBe('Andrew Husband');
    expect(cleanByline(['Wednesday | January 18, 2017 10:44 am PST by Juli Clover'])).toBe('Juli Clover');
    expect(cleanByline(['By December 5, 2017'])).toBeUndefined();
    expect(cleanByline(['By Jane Doe on Tuesday, March 3, 2020'])).toBe('Jane Doe');
  });
});

describe('cleanByline: names, not the words around them', () => {
  it('splits on "and"/"et" only before a capital: a desk name stays whole', () => {
    expect(cleanByline(['Zone Justice et faits divers'])).toBe('Zone Justice et faits divers');
    expect(cleanByline(['Jane Doe et John Roe'])).toBe('Jane Doe and John Roe');
    // Whatever the connector's own case.
    expect(cleanByline(['Jane Doe And John Roe'])).toBe('Jane Doe and John Roe');
    expect(cleanByline(['Jane Doe With John Roe'])).toBe('Jane Doe and John Roe');
  });

  it('turns "Surname, Given names" around, particles and initials included', () => {
    expect(cleanByline(['Kooman, F.', 'Jong, Michiel de'])).toBe('F. Kooman and Michiel de Jong');
  });

  it('drops degrees, editors, bracketed bureaus and notes after the name', () => {
    expect(cleanByline(['By Jane Doe, MA'])).toBe('Jane Doe');
    expect(cleanByline(['Rob Roe Edited by Ann Lee'])).toBe('Rob Roe');
    expect(cleanByline(['Cécile Dupont (Bruxelles, bureau européen)'])).toBe('Cécile Dupont');
    expect(cleanByline(['Edited by Jane Doe (with inputs from Agencies)'])).toBe('Jane Doe');
    expect(cleanByline(['Richard (R.J.) Roe'])).toBe('Richard (R.J.) Roe');
  });

  it('refuses "My …" interface links', () => {
    expect(cleanByline(['My Account'], '', true)).toBeUndefined();
  });

  it('in strict mode accepts names in scripts without capitals', () => {
    expect(cleanByline(['中村 真子'], '', true)).toBe('中村 真子');
  });
});

describe('cleanAuthors: a list of names', () => {
  it('gives each author on their own, in the page’s order, at most eight', () => {
    expect(cleanAuthors(['By JANE DOE and JOHN ROE'])).toEqual(['Jane Doe', 'John Roe']);
    expect(cleanAuthors(['Ann Lee, Bo Chen & Cy Diaz'])).toEqual(['Ann Lee', 'Bo Chen', 'Cy Diaz']);
    expect(cleanAuthors([Array.from({ length: 10 }, (_, i) => `Person ${String.fromCharCode(65 + i)}`).join(', ')])).toHaveLength(8);
  });
});

describe('cleanAuthors: bylines in other languages', () => {
  it('drops "By" and author labels in many languages, verbs before "by" included', () => {
    expect(cleanAuthors(['Escrito por Ana Pérez'])).toEqual(['Ana Pérez']);
    expect(cleanAuthors(['Scritto da Marco Rossi'])).toEqual(['Marco Rossi']);
    expect(cleanAuthors(['Geschrieben von Lena Vogel'])).toEqual(['Lena Vogel']);
    expect(cleanAuthors(['Autor: Jan Nowak'])).toEqual(['Jan Nowak']);
    expect(cleanAuthors(['Texto: João Silva'])).toEqual(['João Silva']);
    expect(cleanAuthors(['Автор: Иван Петров'])).toEqual(['Иван Петров']);
    // "Da" is a particle of names too: only after a verb is it "by".
    expect(cleanAuthors(['Da Silva'])).toEqual(['Da Silva']);
  });

  it('drops Chinese, Japanese and Korean labels and roles around names, and splits on "、" and "，"', () => {
    expect(cleanAuthors(['著者：佐藤一郎'])).toEqual(['佐藤一郎']);
    expect(cleanAuthors(['记者 张三'])).toEqual(['张三']);
    expect(cleanAuthors(['文／林美玲'])).toEqual(['林美玲']);
    expect(cleanAuthors(['홍길동 기자'])).toEqual(['홍길동']);
    expect(cleanAuthors(['【記者 山田花子】'])).toEqual(['山田花子']);
    expect(cleanAuthors(['Ann Lee　著、鈴木 次郎　監訳、高橋 三郎　訳'])).toEqual(['Ann Lee', '鈴木 次郎', '高橋 三郎']);
    expect(cleanAuthors(['[ 田中一， Example News]'])).toEqual(['田中一', 'Example News']);
    expect(cleanAuthors(['著者 山本 花 イラスト 森 薫'])).toEqual(['山本 花', '森薫']);
    // A label alone (a menu's link to the authors' index) is no name.
    expect(cleanAuthors(['著者'])).toBeUndefined();
    expect(cleanAuthors(['기자'])).toBeUndefined();
    // A label glued to the name is part of it: 文 is also a surname.
    expect(cleanAuthors(['文在寅'])).toEqual(['文在寅']);
  });

  it('refuses a list of links that holds a navigation entry (a menu, not a byline), in strict mode', () => {
    expect(cleanAuthors(['Example Blogs', 'Guestbook'], '', true)).toBeUndefined();
    expect(cleanAuthors(['例の部落格', '留言'], '', true)).toBeUndefined();
    expect(cleanAuthors(['Jane Doe', 'John Roe'], '', true)).toEqual(['Jane Doe', 'John Roe']);
    expect(cleanAuthors(['人氣( 23925 )'], '', true)).toBeUndefined();
    expect(cleanAuthors(['Comments (12)'])).toBeUndefined();
  });
});
