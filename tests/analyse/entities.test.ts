import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/analyse/entities/index.ts';
import { processFile } from '../../src/pipeline/build.ts';
import { splitSentences, tagPos, tokenize } from '../../src/analyse/text/index.ts';
import type { Entity, Sentence } from '../../src/analyse/types.ts';

/** Sentences of an article given as paragraphs; the first one is the title. */
function article(...paragraphs: string[]): Sentence[] {
  const out: Sentence[] = [];
  paragraphs.forEach((p, block) => {
    const kind = block === 0 ? 'title' : 'paragraph';
    const spans = kind === 'title' ? [{ start: 0, end: p.length }] : splitSentences(p);
    for (const sp of spans) {
      const text = p.slice(sp.start, sp.end);
      const tokens = tokenize(text);
      tagPos(tokens);
      out.push({ id: kind === 'title' ? 'title' : `s${out.length}`, text, block, kind, tokens });
    }
  });
  return out;
}

const byName = (xs: Entity[], name: string) => xs.find((e) => e.name === name);
const names = (xs: Entity[]) => xs.map((e) => e.name);

describe('extractEntities: people', () => {
  const e = extractEntities(
    article(
      'Ministers meet in Berlin',
      'German Chancellor Olaf Scholz met Finance Minister Christian Lindner in Berlin on Monday.',
      'Scholz said the budget was ready. Lindner disagreed with Scholz\'s figures.',
      '"We need more time," said Maria Lopez, chief economist at Banco Santander, on Tuesday.',
    ),
  );

  it('finds a person after a role word inside a name the tagger read otherwise, but not in a name of things', () => {
    const f = extractEntities(
      article(
        'Results',
        '"We are taking decisive action," Chief Executive Priya Natarajan said on a call with analysts.',
        'The Criminal Justice Bill was passed.',
        'The cuts come a year after Nexora spent $2.1 billion to buy Israeli start-up Veyra Labs.',
      ),
    );
    expect(byName(f.people, 'Priya Natarajan')?.roles).toEqual(['Chief Executive']);
    expect(names(f.people)).not.toContain('Bill');
    expect(names(f.organizations)).toContain('Veyra Labs');
  });

  it('makes a platform of a place someone wrote or posted on', () => {
    const f = extractEntities(
      article(
        'Drones',
        'Russian drones struck two power plants in the Kharkiv region, Ukrainian officials said.',
        'President Volodymyr Zelensky urged allies to act. "Every battery saves lives," he wrote on Telegram.',
      ),
    );
    expect(names(f.places)).not.toContain('Telegram');
    expect(names(f.places)).toContain('Kharkiv');
  });

  it('keeps the possessive in a building named after a saint, a royal or a group, and an institution tagged as a person is one', () => {
    const f = extractEntities(
      article(
        'Crash',
        "Derbyshire Police said Liam O'Connor would appear at Derby Magistrates' Court on Monday.",
        "Two children were taken to Queen's Medical Centre in Nottingham, and a vigil was held at St Brannoc's Middle School.",
        "Det Insp Sarah Whitfield said London's National Theatre had offered help.",
      ),
    );
    const all = names([...f.people, ...f.organizations, ...f.places]);
    expect(all).toEqual(expect.arrayContaining(["Derby Magistrates' Court", "Queen's Medical Centre", "St Brannoc's Middle School", 'London']));
    expect(all.some((n) => n.startsWith("London's"))).toBe(false);
    expect(names(f.organizations)).toContain('Derbyshire Police');
    expect(byName(f.people, 'Sarah Whitfield')?.roles).toEqual(['Det Insp']);
  });

  it('keeps the possessive in an association or a union named after a group of people', () => {
    const f = extractEntities(article('Vote', "The Greyfield Residents' Association and the National Farmers' Union objected to the plan.", "The Teachers' Union said so too."));
    expect(names(f.organizations)).toEqual(expect.arrayContaining(["Greyfield Residents' Association", "National Farmers' Union", "Teachers' Union"]));
  });

  it('takes a role set off by commas before the name', () => {
    const f = extractEntities(
      article(
        'Court',
        "Kessby's attorney, Sarah Lindqvist, argued for leniency.",
        "The firm's chief executive, Ana Ruiz, declined to comment, and the plan, Tom Hale said, is bad.",
        'Its director of policy, Marta Ovid, said the regulator was slow.',
        'Labour MP for Bristol West, Tom Reyes, backed her.',
      ),
    );
    expect(byName(f.people, 'Marta Ovid')?.roles).toEqual(['director of policy']);
    // (a party and a named remit)
    expect(byName(f.people, 'Tom Reyes')?.roles).toEqual(['Labour MP for Bristol West']);
    expect(byName(f.people, 'Sarah Lindqvist')?.roles).toEqual(["Kessby's attorney"]);
    expect(byName(f.people, 'Ana Ruiz')?.roles).toEqual(["firm's chief executive"]);
    expect(byName(f.people, 'Tom Hale')?.roles).toEqual([]);
  });

  it('strips titles into roles and keeps the bare name', () => {
    expect(byName(e.people, 'Olaf Scholz')?.roles).toContain('German Chancellor');
    expect(byName(e.people, 'Christian Lindner')?.roles).toContain('Finance Minister');
    expect(names(e.people)).not.toContain('Chancellor');
    expect(names(e.people)).not.toContain('Finance Minister Christian Lindner');
  });

  it('reads an appositive role after the name', () => {
    expect(byName(e.people, 'Maria Lopez')?.roles).toContain('chief economist at Banco Santander');
  });

  it('joins later surnames and possessives to the full name', () => {
    const scholz = byName(e.people, 'Olaf Scholz')!;
    expect(scholz.aliases).toContain('Scholz');
    expect(scholz.mentions).toBe(3);
    expect(names(e.people).some((n) => /['’]s$/.test(n) || n === 'Scholz')).toBe(false);
    expect(byName(e.people, 'Christian Lindner')?.aliases).toContain('Lindner');
  });

  it('joins the last words of a longer name to it, whatever the tagger made of them', () => {
    const f = extractEntities(article('Rates', 'Central bank governor Ingrid Solberg Haug spoke on Monday.', '"Rates will fall," Solberg Haug said.'));
    expect(f.people.map((p) => [p.name, p.aliases])).toEqual([['Ingrid Solberg Haug', ['Solberg Haug']]]);
    expect(f.organizations).toEqual([]);
  });

  it('splits a title that opens with a party word off a name the tagger read whole, and leaves a peer his "Lord"', () => {
    const f = extractEntities(article('Loans', 'The party repaid the loan to former Tory Treasurer Lord Fenwick after he complained.'));
    expect(f.people.map((p) => [p.name, p.roles])).toEqual([['Lord Fenwick', ['Tory Treasurer']]]);
  });

  it('gives sentence ids in order without repeats', () => {
    const scholz = byName(e.people, 'Olaf Scholz')!;
    expect(scholz.sentences).toEqual([...new Set(scholz.sentences)]);
    expect(scholz.id).toBe('olaf-scholz');
  });

  it('reads a capitalized title whole, remits joined by "and" included, but not a name or a place before "and"; remits after "for" stay in a name', () => {
    const f = extractEntities(
      article(
        'Benefits',
        'The Department for Work and Pensions will tighten the rules, Work and Pensions Secretary Hannah Colbeck said.',
        'The cuts were criticised by Shadow Chancellor Tom Varley on Tuesday.',
        'Talks between Ana Ruiz and Venezuelan President Luis Marrero went well.',
        'Officials met in Cardiff and Northern Ireland Minister Rhian Hale spoke in Belfast.',
        'Yesterday Pensions Secretary Mira Holt resigned.',
      ),
    );
    expect(byName(f.people, 'Hannah Colbeck')?.roles).toEqual(['Work and Pensions Secretary']);
    expect(byName(f.people, 'Tom Varley')?.roles).toEqual(['Shadow Chancellor']);
    expect(byName(f.people, 'Luis Marrero')?.roles).toEqual(['Venezuelan President']);
    expect(byName(f.people, 'Rhian Hale')?.roles).toEqual(['Northern Ireland Minister']);
    expect(byName(f.people, 'Mira Holt')?.roles).toEqual(['Pensions Secretary']);
    expect(names(f.people)).not.toContain('Pensions');
    expect(names(f.organizations)).toContain('Department for Work and Pensions');
  });

  it('takes the word the tagger called a person before a title and its holder into the title, unless a longer name holds it', () => {
    const f = extractEntities(
      article(
        'Gallery opens',
        'Welsh Culture Minister Eira Pugh opened the gallery.',
        'Tory co-chairman Ivo Brennan told reporters the party was ready.',
        'Brennan spokesman Lise Dunmore said the count was fair.',
      ),
    );
    expect(byName(f.people, 'Eira Pugh')?.roles).toEqual(['Welsh Culture Minister']);
    expect(byName(f.people, 'Ivo Brennan')?.roles).toEqual(['Tory co-chairman']);
    expect(names(f.people).sort()).toEqual(['Eira Pugh', 'Ivo Brennan', 'Lise Dunmore']);
    // (Ivo Brennan is named before his spokesman)
    expect(byName(f.people, 'Ivo Brennan')?.sentences).toEqual(['s2', 's3']);
  });

  it('makes a person of a name the tagger calls an organization after a role word that opens the sentence', () => {
    const f = extractEntities(article('Injuries', 'Striker Erling Haaland is expected to return after missing three matches.'));
    expect(names(f.people)).toEqual(['Erling Haaland']);
    expect(names(f.organizations)).toEqual([]);
  });

  it('makes a person of a name after "Mr", even one a company is named after, but not after the verb "miss"', () => {
    const f = extractEntities(
      article(
        'Mittal Steel plans to close two plants',
        'Mittal Steel, a maker of steel pipes, will close two plants next year, its founder said on Monday.',
        'Anand Mittal said the closures would save money.',
        'Mr Mittal told analysts that sales had fallen for a third year.',
        'Mittal Steel was set up in 1998 by Mr Mittal and a partner. The injury forced him to miss Ireland in March.',
      ),
    );
    expect(names(f.people)).toEqual(['Anand Mittal']);
    expect(names(f.organizations)).toEqual(['Mittal Steel']);
    expect(names(f.places)).toEqual(['Ireland']);
  });

  it('keeps what comes before an office the tagger put inside the name', () => {
    const f = extractEntities(article('Race', 'The governor defeated Republican state Senator Mark Delaney by four points.'));
    expect(byName(f.people, 'Mark Delaney')?.roles).toEqual(['Republican state Senator']);
  });

  it('reads occupations as roles, and no role from a subject set off before a report verb', () => {
    const f = extractEntities(
      article(
        'Battery startup',
        'Former Siemens engineer Kasia Brandt founded the company in 2023 with Marek Sova, a former Siemens chemist.',
        'A claim was filed against Ilan Moravec, the family spokesman says.',
        'Tomas Ferre, analyst at Quillon Partners said the deal was small.',
      ),
    );
    expect(byName(f.people, 'Kasia Brandt')?.roles).toEqual(['Former Siemens engineer']);
    expect(byName(f.people, 'Marek Sova')?.roles).toEqual(['former Siemens chemist']);
    expect(byName(f.people, 'Ilan Moravec')?.roles ?? []).toEqual([]);
    expect(byName(f.people, 'Tomas Ferre')?.roles).toEqual(['analyst at Quillon Partners']);
  });

  it('reads a title-case role of a company\'s group after a name as the role, not as a person', () => {
    const f = extractEntities(
      article('Lender reports profit', '"Demand held up," said Oskar Lind, Group Economist at Tarnbank, on Friday.', 'Group Finance Director Mia Holt said costs fell.'),
    );
    expect(byName(f.people, 'Oskar Lind')?.roles).toEqual(['Group Economist at Tarnbank']);
    expect(byName(f.people, 'Mia Holt')?.roles).toEqual(['Group Finance Director']);
    expect(names(f.people)).toEqual(['Oskar Lind', 'Mia Holt']);
  });

  it('takes no person from one word that only modifies a noun or names something abstract, but keeps surnames in a team sheet', () => {
    const f = extractEntities(
      article(
        'Awards',
        'Toy shops had a slow autumn because families waited to buy Christmas gifts.',
        'The film earned three Oscar nominations on Tuesday.',
        "Critics praised Mutiny, the band's second album.",
        'Carter, Diamond and Walsh started for the visitors.',
      ),
    );
    expect(names(f.people)).toEqual(['Carter', 'Diamond', 'Walsh']);
    // (before a role the tagger calls an adjective, or a noun in quotes)
    const party = extractEntities(
      article(
        "Marsh attacks Tory 'lies'",
        'Tory co-chairman Ivo Brennan was speaking after Mr Marsh told members the Tories offered a hard agenda.',
        'The Tory co-chairman attacked the six new pledges as vacuous.',
        "He said voters would not believe Tory 'lies' about the economy.",
      ),
    );
    expect(names(party.people)).not.toContain('Tory');
  });

  it('keeps people who share a surname apart and title-cases a lower-case title', () => {
    const f = extractEntities(
      article(
        'State visit',
        'President Joe Biden welcomed the guests at the White House.',
        'Biden spoke first, and first lady Jill Biden hosted a dinner later.',
        'Biden said the visit had been a success.',
      ),
    );
    expect(names(f.people)).toEqual(expect.arrayContaining(['Joe Biden', 'Jill Biden']));
    expect(byName(f.people, 'Jill Biden')?.roles).toContain('First Lady');
    expect(byName(f.people, 'Joe Biden')?.aliases).toContain('Biden');
    expect(byName(f.people, 'Jill Biden')?.aliases ?? []).not.toContain('Biden');
  });
});

describe('extractEntities: organizations', () => {
  it('drops company suffixes and keeps the full form as an alias', () => {
    const e = extractEntities(
      article(
        'Deal talks',
        'Shares of Toyota Motor Corp. rose after Siemens AG and General Electric Co. agreed on a joint venture.',
        'Toyota Motor said it would invest more.',
      ),
    );
    expect(byName(e.organizations, 'Siemens')?.aliases).toContain('Siemens AG');
    expect(byName(e.organizations, 'General Electric')?.aliases).toContain('General Electric Co.');
    expect(byName(e.organizations, 'Toyota Motor')?.aliases).toContain('Toyota Motor Corp.');
  });

  it('joins an acronym to its expansion, in parentheses or seen apart', () => {
    const e = extractEntities(
      article(
        'Alliance summit',
        'Leaders of the North Atlantic Treaty Organization (NATO) met in Vilnius on Tuesday.',
        'The World Health Organization warned of a new outbreak. WHO officials said cases were rising.',
      ),
    );
    const nato = byName(e.organizations, 'North Atlantic Treaty Organization');
    expect(nato?.aliases).toContain('NATO');
    expect(byName(e.organizations, 'World Health Organization')?.aliases).toContain('WHO');
    expect(names(e.organizations)).not.toContain('NATO');
  });

  it('makes one organization of an acronym and the words that spell it, however the tagger split them', () => {
    const e = extractEntities(
      article(
        'Talks',
        'Envoys met at the start of the Indo-Pacific Economic Partnership talks in Manila.',
        'The IPEP talks resume in May. Officials from the Department of Justice spoke.',
        'The DOJ declined to comment.',
      ),
    );
    const ipep = byName(e.organizations, 'Indo-Pacific Economic Partnership');
    expect(ipep?.aliases).toEqual(['IPEP']);
    expect(ipep?.sentences).toEqual(['s1', 's2']);
    expect(names(e.organizations)).not.toContain('IPEP');
    // A connector may give its letter ("of" → O).
    expect(byName(e.organizations, 'Department of Justice')?.aliases).toEqual(['DOJ']);
  });

  it('joins a name to the acronym in brackets after it when a word joined by "and" gives no letter', () => {
    const f = extractEntities(
      article(
        'Measles',
        'The European Centre for Disease Prevention and Control (ECDC) said in a statement that the trend was worrying.',
        'The ECDC expects more outbreaks in the summer.',
      ),
    );
    expect(byName(f.organizations, 'European Centre for Disease Prevention and Control')?.aliases).toContain('ECDC');
    expect(names(f.organizations)).not.toEqual(expect.arrayContaining(['Control']));
  });

  it('spells no acronym with a function word capitalized only because it begins a sentence', () => {
    const e = extractEntities(article('Hearing', 'So Mr Halvorsen told the SMH committee he was right.', 'The SMH met again on Friday.'));
    expect(names(e.people)).toContain('Halvorsen');
    expect(names(e.organizations)).toEqual(['SMH']);
  });

  it('gives a name that took in the place before it no alias of the rest alone', () => {
    const e = extractEntities(
      article(
        'Talks',
        'Ministers gathered for the Nordic-Baltic Fisheries Forum in Riga.',
        'The complaint went to the US Federal Trade Commission on Friday.',
      ),
    );
    expect(byName(e.organizations, 'Nordic-Baltic Fisheries Forum')?.aliases).toEqual([]);
    expect(byName(e.organizations, 'US Federal Trade Commission')?.aliases).toEqual([]);
    // A known place before the name still names the place.
    expect(byName(e.places, 'United States')?.sentences).toEqual(['s2']);
  });

  it('reads a legal suffix with the sentence\'s full stop as a suffix', () => {
    const e = extractEntities(
      article(
        'Deal',
        'The bank signed a deal with Northwind LLC. Shares rose.',
        'Tailspin signed with Adatum PLC. Adatum said it was pleased.',
      ),
    );
    expect(byName(e.organizations, 'Northwind')?.aliases).toEqual(['Northwind LLC']);
    expect(byName(e.organizations, 'Adatum')?.aliases).toEqual(['Adatum PLC']);
    for (const o of e.organizations) expect(o.name).not.toMatch(/LLC|PLC/);
  });
});

describe('extractEntities: places', () => {
  const e = extractEntities(
    article(
      'Trade talks',
      'US-Japan trade talks resumed in Tokyo as the U.S. sought lower tariffs.',
      'Officials from the United States and Japanese negotiators met at the Foreign Ministry.',
      'The US said progress was made.',
    ),
  );

  it('makes a place of a name the tagger called a person that ends in a geographic head, unless a given name opens it', () => {
    const f = extractEntities(article('Low water', 'Gatun Lake fell by two feet, the authority said.', 'Actress Ricki Lake said so.'));
    expect(names(f.places)).toEqual(['Gatun Lake']);
    expect(names(f.people)).toEqual(['Ricki Lake']);
  });

  it('makes a place of a name the tagger called an organization that ends in a geographic head', () => {
    const f = extractEntities(article('Drought', 'Water rights along the Colorado River dominated the campaign.'));
    expect(names(f.places)).toEqual(['Colorado River']);
    expect(names(f.organizations)).toEqual([]);
  });

  it('takes no place from one word for something abstract that no list of places has', () => {
    const f = extractEntities(
      article(
        'Derby County',
        'Relegated last season, the club will play in the Championship again.',
        'The club sold two players at Christmas and bought a striker from Lyon.',
      ),
    );
    expect(names(f.places)).toEqual(['Lyon']);
  });

  it('takes no place from a town a disease is named after, unless things happen in it', () => {
    const disease = (...body: string[]) => names(extractEntities(article('Outbreak over', ...body)).places);
    expect(disease('The Marburg virus outbreak in Tanzania is over.', 'Marburg, a cousin of Ebola, causes fever.')).toEqual(['Tanzania']);
    expect(disease('The Marburg virus was first found in Marburg, a town in Germany.')).toEqual(['Marburg', 'Germany']);
  });

  it('splits a hyphenated pair of countries', () => {
    expect(names(e.places)).toEqual(expect.arrayContaining(['United States', 'Japan', 'Tokyo']));
  });

  it('folds country names and codes into one place', () => {
    const us = e.places.filter((p) => p.name === 'United States');
    expect(us).toHaveLength(1);
    expect(us[0]!.aliases).toEqual(expect.arrayContaining(['U.S.', 'US']));
  });

  it('never makes a demonym a place', () => {
    expect(names(e.places)).not.toContain('Japanese');
  });

  it('reads a country\'s short name as the country where the article names it', () => {
    const f = extractEntities(
      article('Trade', 'The United States imposed new tariffs on steel.', 'Carmakers said they would build more plants in America.'),
    );
    expect(names(f.places)).toEqual(['United States']);
    expect(f.places[0]!.aliases).toEqual(['America']);
    expect(f.places[0]!.sentences).toEqual(['s1', 's2']);
    const g = extractEntities(article('Travel', 'Tourists flocked to America this summer, a survey found.'));
    expect(names(g.places)).toEqual(['America']);
  });

  it('reads the capitals of a wire dateline as a place, and the agency after them as no alias of it', () => {
    const f = extractEntities(article('Funding round', 'SAN FRANCISCO (AP) — Quillmoor Labs said Monday it had raised $40 million.'));
    expect(names(f.places)).toContain('San Francisco');
    expect(byName(f.organizations, 'AP')?.aliases).toEqual([]);
    expect(names(f.organizations)).not.toContain('SAN FRANCISCO');
    // (a city the tagger misses there, and a label in capitals, which is no place)
    const g = extractEntities(article('Funding round', 'DENVER (AP) — Quillmoor Labs said Monday it had raised $40 million.'));
    expect(names(g.places)).toEqual(['Denver']);
    const four = extractEntities(article('Funding round', 'OSLO (Reuters) - Quillmoor Labs said Monday it had raised $40 million from NASA.'));
    expect(names(four.places)).toEqual(['Oslo']);
    const h = extractEntities(article('Funding round', 'EXCLUSIVE: Quillmoor Labs is said to have raised $40 million.'));
    expect(names(h.places)).toEqual([]);
  });

  it('gives a name in the headline the one kind the body gives it', () => {
    const f = extractEntities(
      article('Asia shares slip after tech selloff', 'Share prices across Asia climbed on Tuesday as investors bet on lower rates.'),
    );
    expect(names(f.organizations)).toEqual([]);
    expect(byName(f.places, 'Asia')?.sentences).toEqual(['title', 's1']);
  });
});

describe('extractEntities: hygiene', () => {
  it('outputs no stopword-only, possessive or bare-title entities', () => {
    const e = extractEntities(
      article('Notes', 'The President said The Minister would visit. It was Merkel\'s call, the Chancellor said.'),
    );
    for (const x of [...e.people, ...e.organizations, ...e.places]) {
      expect(x.name).toMatch(/\p{L}/u);
      expect(x.name).not.toMatch(/['’]s$/);
      expect(['The', 'President', 'Minister', 'Chancellor', 'It']).not.toContain(x.name);
    }
  });

  it('takes no name from the plural of an acronym, nor a person from the plural of a demonym', () => {
    const acronyms = extractEntities(article('Screens', 'Sales of TVs rose, and MSPs were pleased.', 'Older PDAs and VCRs were recycled.'));
    expect([...acronyms.people, ...acronyms.organizations, ...acronyms.places]).toEqual([]);
    const demonyms = extractEntities(article('Screens', 'Thais flocked to the film, which Thais saw as a national event.', 'The film was popular with Thais and tourists.', 'Thais said the film was a hit.'));
    expect(demonyms.people).toEqual([]);
  });
});

describe('extractEntities: rules around the tagger', () => {
  const e = extractEntities(
    article(
      'Regulators Open Probe Into Fees',
      'Shares of Fabrikam Inc. fell after the European Commission opened an inquiry in Brussels.',
      'EU competition chief Ana Ruiz said the US-EU talks would go on. Ruiz spoke to reporters in Paris.',
    ),
  );

  it('makes no organization of a law', () => {
    const e = extractEntities(
      article(
        'Court ruling',
        'A federal judge said the statute, known as House Bill 3127, violated the First Amendment.',
        'The Harbour Safety Act and the Harlow Council were both cited.',
      ),
    );
    expect(names(e.organizations)).toEqual(['Harlow Council']);
  });

  it('opens an organization with the acronym the tagger left out before it', () => {
    const e = extractEntities(article('Rugby', 'The squad flew to Dublin ahead of their QBZ Six Nations game against Ireland.'));
    expect(names(e.organizations)).toEqual(['QBZ Six Nations']);
  });

  it('keeps lower-case words of a title between an organization and the head noun', () => {
    expect(byName(e.people, 'Ana Ruiz')?.roles).toContain('EU competition chief');
  });

  it('splits a hyphenated pair of names the document uses on their own', () => {
    expect(names(e.places)).toContain('United States');
    expect(names(e.organizations)).toContain('EU');
    expect(names(e.organizations)).not.toContain('US-EU');
  });

  it('keeps the particles of a name and the name around them, and joins its short forms', () => {
    const f = extractEntities(
      article(
        'Summit',
        'Ursula von der Leyen met Luiz Inácio Lula da Silva and Bashar al-Assad.',
        'Later von der Leyen said Lula had agreed.',
        'Finance Minister Paulo Henrique Costa da Rocha met bankers in Lisbon on Thursday.',
      ),
    );
    expect(byName(f.people, 'Ursula von der Leyen')?.aliases).toEqual(['von der Leyen']);
    expect(byName(f.people, 'Luiz Inácio Lula da Silva')?.aliases).toEqual(['Lula']);
    expect(names(f.people)).toEqual(expect.arrayContaining(['Bashar al-Assad', 'Paulo Henrique Costa da Rocha']));
    expect(names([...f.people, ...f.organizations, ...f.places])).not.toEqual(expect.arrayContaining(['Leyen']));
    expect(names(f.people).some((n) => n.startsWith('Later'))).toBe(false);
  });

  it('finds a name the tagger left out at the start of a sentence, but no word of English', () => {
    const f = extractEntities(
      article(
        'Match report',
        'Erling Haaland had given the visitors the lead after 23 minutes.',
        'Tomasz Wrobel will lead the team on Sunday.',
        'Ngozi Okonjo-Iweala warned of risks.',
        'However Kessby won, and Defenders Ana Ruiz and Lena Fisk were praised.',
      ),
    );
    expect(names(f.people)).toEqual(expect.arrayContaining(['Erling Haaland', 'Tomasz Wrobel', 'Ngozi Okonjo-Iweala']));
    expect(names([...f.people, ...f.organizations]).filter((n) => /^(However|Defenders)\b/.test(n))).toEqual([]);
  });

  it('joins a club cut short to the one club of the article named after its town and so ending', () => {
    const one = extractEntities(article('Derby', 'Kessby beat Manchester City 3-1 on Sunday.', 'City had led after 20 minutes.'));
    expect(byName(one.organizations, 'Manchester City')?.aliases).toEqual(['City']);
    const two = extractEntities(article('Derby', 'Manchester United beat Newcastle United 2-0.', 'United were the better side.'));
    expect(names(two.organizations)).toEqual(expect.arrayContaining(['Manchester United', 'Newcastle United']));
    for (const club of ['Manchester United', 'Newcastle United']) expect(byName(two.organizations, club)?.aliases).not.toContain('United');
  });

  it('makes an organization of a name tagged as a person that ends in a word such as Exchange or Party', () => {
    const f = extractEntities(article('Court', 'Investors sued Lumen Exchange, the platform Daniel Reyes co-founded in 2019.'));
    expect(names(f.organizations)).toContain('Lumen Exchange');
    expect(names(f.people)).not.toContain('Lumen Exchange');
  });

  it('splits two names joined by "and" when one is used on its own, and keeps names with "and" inside', () => {
    const f = extractEntities(
      article(
        'Chart',
        'Games from Electronic Arts and Vivendi topped the chart this week. Vivendi said sales doubled.',
        'A merger of Munich Re and Hannover Re was ruled out. Hannover Re said it would stay independent.',
        'The Food and Drug Administration approved the game console. The agency said tests were sound.',
      ),
    );
    expect(names(f.organizations)).toEqual(expect.arrayContaining(['Electronic Arts', 'Vivendi', 'Munich Re', 'Hannover Re', 'Food and Drug Administration']));
    expect(names(f.organizations).filter((n) => n.includes(' and '))).toEqual(['Food and Drug Administration']);
  });

  it('reads a name whose possessive holds a chief executive or shareholders as a company, and joins names cut short', () => {
    const f = extractEntities(
      article(
        'Regulator fines Tarnwell',
        'The Trade Commission fined Tarnwell Semiconductor on Monday.',
        'The Commission said the fine was its largest.',
        'The complaint came from Quorvane Micro, a rival based in Ohio.',
        "Quorvane's chief executive, Lena Marsh, welcomed it, and Tarnwell's shareholders shrugged.",
      ),
    );
    expect(names(f.people)).toEqual(['Lena Marsh']);
    // (the headline names the company short before the body names it in full)
    expect(byName(f.organizations, 'Tarnwell Semiconductor')?.aliases).toEqual(['Tarnwell']);
    expect(byName(f.organizations, 'Trade Commission')?.aliases).toEqual(['Commission']);
    expect(byName(f.organizations, 'Quorvane Micro')?.aliases).toEqual(['Quorvane']);
    expect(f.organizations).toHaveLength(3);
  });

  it('reads a name its leader\'s title follows as a company, but not a town a team is named for', () => {
    const f = extractEntities(
      article(
        'Results',
        'Shares rose after Halvorsen boss Nadia Kerr said sales were strong, and Wales boss Owen Price agreed.',
        'Halvorsen said it would hire more staff.',
      ),
    );
    expect(names(f.organizations)).toEqual(['Halvorsen']);
    expect(names(f.places)).toEqual(['Wales']);
    expect(names(f.people).sort()).toEqual(['Nadia Kerr', 'Owen Price']);
  });

  it('makes no person of a prize, ends no name in a saint\'s style, and keeps a regnal number with its name', () => {
    const f = extractEntities(
      article(
        'Obituary',
        'Her concert hall won the Mies van der Rohe Award two years later.',
        'She was appointed a Commander of the Order of St. Olav by King Harald V in 1996.',
      ),
    );
    expect(names(f.people)).toEqual(['Harald V']);
    expect(names(f.organizations)).toEqual(['Order of St. Olav']);
  });

  it('names a club named after its town again by either of its words', () => {
    const f = extractEntities(
      article('Kane scores twice as Bayern beat Dortmund', 'Harry Kane scored twice as Bayern Munich beat Borussia Dortmund 3-1 on Saturday.', 'Dortmund pulled one back on 61 minutes. Bayern travel to Leipzig on Friday.'),
    );
    expect(names(f.organizations)).toEqual(['Bayern Munich', 'Borussia Dortmund']);
    expect(byName(f.organizations, 'Borussia Dortmund')?.aliases).toEqual(['Dortmund']);
  });

  it('makes no person of a planet, and a publication of a name after "the journal"', () => {
    const f = extractEntities(
      article(
        'Probe finds water ice beneath Martian equator',
        'Radar data from a European spacecraft suggest that large deposits of water ice lie buried beneath the equator of Mars, a team of researchers reported Wednesday.',
        'The findings, published in the journal Nature Astronomy, are based on three years of observations by the Mars Express orbiter.',
      ),
    );
    expect(names(f.people)).toEqual([]);
    expect(names(f.organizations)).toContain('Nature Astronomy');
  });

  it('makes places of streets and squares, whatever the tagger called them', () => {
    const f = extractEntities(article('Stabbing', 'Police said officers were called to Frogmore Street at about 02:30 GMT after reports of a fight.'));
    expect(names(f.places)).toEqual(['Frogmore Street']);
    expect(names(f.people)).toEqual([]);
  });

  it('makes a company of a "place" no list knows that is called a rival', () => {
    const f = extractEntities(article('Carmaker results', 'Halvorsen Motors raised its forecast on Wednesday. Rival Stellantis reports its quarterly figures on Thursday.'));
    expect(names(f.organizations)).toEqual(expect.arrayContaining(['Halvorsen Motors', 'Stellantis']));
    expect(names(f.places)).toEqual([]);
  });

  it('reads firms by those they employ and by apposition, and keeps a rank that begins a name', () => {
    const f = extractEntities(
      article(
        'Court ruling',
        'Tarnwell said it would appeal to the General Court, and shares in General Motors slipped.',
        'Analysts at Quellmark said the ruling could spread, according to the Gun Violence Archive, a nonprofit research group.',
        'The Dutch film maker Theo van Gogh was mentioned too.',
      ),
    );
    expect(names(f.organizations)).toEqual(expect.arrayContaining(['General Court', 'General Motors', 'Quellmark', 'Gun Violence Archive']));
    expect(names(f.people)).toEqual(['Theo van Gogh']);
    expect(f.places).toEqual([]);
  });

  it('joins what a department "of" or "for" serves after "and", and leaves a person after it apart', () => {
    const f = extractEntities(
      article(
        'Talks to resume',
        'A spokeswoman for the Department of Education and Social Care said talks would resume.',
        'The Ministry of Finance and Sean Hale met on Friday.',
      ),
    );
    expect(names(f.organizations)).toEqual(['Department of Education and Social Care', 'Ministry of Finance']);
    expect(names(f.people)).toEqual(['Sean Hale']);
  });

  it('takes the capitalized words before an institution\'s head into its name, and a known place there stays a place', () => {
    const f = extractEntities(
      article(
        'Teachers at four Derby schools back walkout',
        'Teachers at four schools in Derby voted on Monday to strike.',
        'Harrow Teaching Hospitals NHS Trust said wards stayed open, and so did Derby Community Care Trust.',
      ),
    );
    expect(names(f.organizations)).toEqual(['Harrow Teaching Hospitals NHS Trust', 'Derby Community Care Trust']);
    expect(names(f.people)).toEqual([]);
    // (a club of the name made the tagger say organization; "in" says place)
    expect(names(f.places)).toEqual(['Derby']);
  });

  it('reads a college named with its city as an organization, across a possessive', () => {
    const f = extractEntities(
      article('Study of sleep', 'Dr. Ines Varga of King\'s College London led the study.', 'Colleagues at Imperial College London repeated it.'),
    );
    expect(names(f.organizations)).toEqual(expect.arrayContaining(["King's College London", 'Imperial College London']));
    expect(names(f.people)).toEqual(['Ines Varga']);
  });

  it('names a body that serves several places with all of them, but keeps two countries\' bodies apart', () => {
    const f = extractEntities(
      article(
        'Lorry driver held after crash',
        'Devon and Cornwall Police said the driver was arrested near Exeter.',
        'A spokesman for the Dumfries and Galloway Council said roads were gritted, and Dorset Police sent officers.',
        'US and UK Treasury officials met on Monday.',
      ),
    );
    const orgs = names(f.organizations);
    expect(orgs).toEqual(expect.arrayContaining(['Devon and Cornwall Police', 'Dumfries and Galloway Council', 'Dorset Police']));
    expect(orgs).not.toContain('Cornwall Police');
    expect(orgs).not.toContain('Galloway Council');
    expect(orgs.filter((n) => n.startsWith('US '))).toEqual([]);
  });

  it('reads a place and what is done there as a firm or a public service, but not a compass point and a bank', () => {
    const f = extractEntities(
      article(
        'Storm cuts power to clinics',
        'Three of the injured were in hospital on Sunday, Manitoba Health said.',
        'Crews at Tasmania Water said the main had burst.',
        'A storm knocked out power at Pine Ridge Health on Friday.',
        'Pine Ridge Health said its clinics would reopen, and tourists crowded the West Bank.',
      ),
    );
    expect(names(f.organizations)).toEqual(expect.arrayContaining(['Manitoba Health', 'Tasmania Water', 'Pine Ridge Health']));
    expect(names(f.organizations)).not.toContain('Water');
    expect(names(f.places)).toEqual(['West Bank']);
    // a public body named by its field and its country
    const bodies = extractEntities(article('Snow closes roads', 'Environment Canada had issued a snowfall warning for Canada.', 'The pitches will be funded by Sport England, and Health Canada approved the drug.'));
    expect(names(bodies.organizations).sort()).toEqual(['Environment Canada', 'Health Canada', 'Sport England']);
    expect(names(bodies.places)).toEqual(['Canada']);
  });

  it('goes on with an institution the tagger ended on "of", and reads "degrees Celsius" as a unit', () => {
    const f = extractEntities(
      article(
        'Prize for sponge crystals',
        'The Norwegian Academy of Letters said Ana Ruiz of the University of Cape Town and Li Wen of the University of Bergen would share the award.',
        'It was minus 12 degrees Celsius in Tromso when the call came, and 95 degrees Fahrenheit in Lagos.',
      ),
    );
    expect(names(f.organizations)).toEqual(expect.arrayContaining(['University of Cape Town', 'University of Bergen']));
    expect(names(f.organizations)).not.toContain('University');
    expect(names(f.people)).toEqual(['Ana Ruiz', 'Li Wen']);
    // an institution "of" something is no event, whatever the tagger said
    const academy = extractEntities(article('Engineers honoured', 'The Royal Swedish Academy of Engineering said the prize would be shared.'));
    expect(names(academy.organizations)).toEqual(['Royal Swedish Academy of Engineering']);
  });

  it('reads a name after a lower-case region of it as a place', () => {
    const f = extractEntities(article('Frost hits farms', 'Frost damaged coffee farms across southern Espirito Santo on Sunday.', 'Rain fell in northern Mato Grosso, and southern European buyers waited.'));
    expect(names(f.places).sort()).toEqual(['Espirito Santo', 'Mato Grosso']);
    expect(names(f.people)).toEqual([]);
  });

  it('reads the remit of a title as no body, and a role\'s remit as a place', () => {
    const f = extractEntities(
      article(
        'Hospital waiting lists grow',
        'Staff at the Department of Health said lists grew, and Health Secretary Joan Ferris blamed the winter.',
        '"We need beds," said Priya Shah, the union\'s director for Yorkshire.',
        'Labour MP for Bristol West, Tom Reyes, backed her.',
      ),
    );
    expect(names(f.organizations)).toEqual(['Department of Health']);
    expect(names(f.places)).toEqual(['Yorkshire', 'Bristol West']);
  });

  it('finds the head of an institution the tagger missed after a name it found', () => {
    const f = extractEntities(
      article(
        'Hospital funding cut',
        'He was treated by Harrogate District Hospital Trust staff.',
        'Funding for Bradford Teaching Hospitals NHS Foundation Trust was cut.',
      ),
    );
    expect(names(f.organizations)).toEqual(['Harrogate District Hospital Trust', 'Bradford Teaching Hospitals NHS Foundation Trust']);
    expect(names(f.people)).toEqual([]);
  });

  it('joins an organization the tagger read as two names around "and", and leaves two names apart', () => {
    const f = extractEntities(
      article(
        'Utility fined',
        'Northern Gas and Electric Co. agreed to pay $45 million in fines, regulators said.',
        'Agents of Customs and Border Protection seized the shipment at the port.',
        'Labour and Liberal Democrats backed the fine, as did Fabrikam Inc and Contoso Corp.',
      ),
    );
    const orgs = names(f.organizations);
    expect(orgs).toEqual(expect.arrayContaining(['Northern Gas and Electric', 'Customs and Border Protection']));
    expect(byName(f.organizations, 'Northern Gas and Electric')?.aliases).toContain('Northern Gas and Electric Co.');
    expect(orgs).not.toContain('Border Protection');
    expect(orgs).toEqual(expect.arrayContaining(['Fabrikam', 'Contoso']));
    expect(orgs.filter((n) => /Labour|Fabrikam/.test(n) && n.includes(' and '))).toEqual([]);
  });

  it('ends a role before a doctor\'s or professor\'s style, unless the style is its only head', () => {
    const f = extractEntities(
      article(
        'Walking study',
        '"Any movement helps," said lead author Dr. Lene Bakke of the institute.',
        'Senior researcher Prof. Ivo Marsh agreed.',
        'Health Research Council Professor Nina Ostrova did not.',
      ),
    );
    expect(byName(f.people, 'Lene Bakke')?.roles).toEqual(['Lead Author']);
    expect(byName(f.people, 'Ivo Marsh')?.roles).toEqual(['Senior researcher']);
    expect(byName(f.people, 'Nina Ostrova')?.roles).toEqual(['Health Research Council Professor']);
  });

  it('takes the role before a style ("Dr.") set off by commas, and hyphenated titles', () => {
    const f = extractEntities(
      article(
        'Talks',
        'Peru’s energy minister, Dr. Lena Fisk, said the grid would hold.',
        'UN Secretary-General Maria Olsen welcomed the deal.',
        'The firm’s finance chief, Mr. Tom Hale, agreed.',
      ),
    );
    expect(byName(f.people, 'Lena Fisk')?.roles).toEqual(['Peru’s energy minister']);
    expect(byName(f.people, 'Maria Olsen')?.roles).toEqual(['UN Secretary-General']);
    expect(byName(f.people, 'Tom Hale')?.roles).toEqual(['firm’s finance chief']);
  });

  it('takes a role set off before a name that a quote ends on, a hyphened head or the name\'s employer follows', () => {
    const f = extractEntities(
      article(
        'Appeal',
        '“We will appeal at once,” his attorney, Dorin Pelle of Marsh & Tove LLP, said in a statement.',
        'The Lake Basin Council will run the fund. Its secretary-general, Dr. Ines Varga, said the first grants would be paid in May.',
      ),
    );
    expect(byName(f.people, 'Dorin Pelle')?.roles).toEqual(['attorney']);
    expect(byName(f.people, 'Ines Varga')?.roles).toEqual(['secretary-general']);
  });

  it('joins an institution named for what it serves that the tagger read as pieces', () => {
    const f = extractEntities(
      article(
        'Filing',
        'The case was filed in the U.S. Bankruptcy Court for the District of Delaware on Monday.',
        'Nations pushed for the fund to be run with the Africa Centres for Disease Control and Prevention (Africa CDC).',
        'The Commission for Racial Equality welcomed the move.',
      ),
    );
    const orgs = names(f.organizations);
    expect(orgs).toEqual(expect.arrayContaining(['U.S. Bankruptcy Court for the District of Delaware', 'Africa Centres for Disease Control and Prevention', 'Commission for Racial Equality']));
    expect(orgs).not.toContain('District');
    expect(names(f.places)).toContain('Delaware');
  });

  it('joins an institution to the field it serves that the tagger took for a person, and a national arm to its country', () => {
    const f = extractEntities(
      article(
        'Forest pledge',
        'Environmental groups were less impressed. Greenpeace Brazil said the deal lacked teeth, and the World Wildlife Fund noted that data from the National Institute for Space Research showed clearing rose 9% in Bolivia.',
      ),
    );
    expect(names(f.organizations)).toEqual(expect.arrayContaining(['Greenpeace Brazil', 'World Wildlife Fund', 'National Institute for Space Research']));
    expect(names(f.people)).toEqual([]);
    expect(names(f.places)).toEqual(['Bolivia']);
  });

  it('joins an institution named for whom it gathers or what it studies, with a place before it but not an adjective', () => {
    const f = extractEntities(
      article(
        'Reactors',
        'Critics, including the Union of Concerned Scientists, say new reactor designs remain unproven.',
        'The study was led by California Institute of Technology professor Dana Quill.',
        'The San Francisco-based US Court of Appeals ruled against the firm.',
      ),
    );
    const orgs = names(f.organizations);
    expect(orgs).toEqual(expect.arrayContaining(['Union of Concerned Scientists', 'California Institute of Technology', 'US Court of Appeals']));
    expect(orgs).not.toContain('Technology');
    expect(names(f.places)).not.toContain('Concerned Scientists');
  });

  it('ends a company name in the trade noun the tagger left out, but not inside a longer name', () => {
    const f = extractEntities(
      article(
        'Homes',
        'The scheme, put forward by developer Kestrel Homes, includes 360 affordable homes.',
        'A spokesperson for Kestrel Homes welcomed the vote.',
        'Pilots of the Indian Air Force flew over.',
      ),
    );
    expect(byName(f.organizations, 'Kestrel Homes')?.mentions).toBe(2);
    expect(names(f.people)).not.toContain('Kestrel');
    expect(names(f.organizations)).not.toContain('Indian Air');
  });

  it('makes a company of a given name before a plural trade noun ("Grace Platforms"), which no surname is', () => {
    const f = extractEntities(article('Law', "The group's members include Grace Platforms, a social media company.", 'Its members include Dawn Ventures, which backs startups.'));
    expect(names(f.organizations)).toEqual(['Grace Platforms', 'Dawn Ventures']);
    expect(names(f.people)).toEqual([]);
  });

  it('makes a club of a name ending in a club word, and of its town used for it', () => {
    const f = extractEntities(
      article(
        'Late goal sends Rovers top',
        "Emeka Okafor's late header gave Bristol Rovers a 2-1 win over Wycombe Wanderers on Saturday.",
        'Wycombe had led through a penalty from captain Joe Lindqvist.',
        'Wycombe boss Martin Reyes said his side had been robbed.',
      ),
    );
    expect(names(f.organizations)).toEqual(expect.arrayContaining(['Bristol Rovers', 'Wycombe Wanderers']));
    expect(byName(f.organizations, 'Wycombe Wanderers')?.aliases).toContain('Wycombe');
    expect(names(f.people).sort()).toEqual(['Emeka Okafor', 'Joe Lindqvist', 'Martin Reyes']);
    expect(byName(f.people, 'Martin Reyes')?.roles.join(' ')).toMatch(/boss/i);
  });

  it('finds no organization in an acronym used as a common noun, and reads a company called by its first word', () => {
    const f = extractEntities(
      article(
        'Chipmaker unveils AI processor',
        'Coreline Semiconductor on Tuesday unveiled a processor for AI that runs on any PC.',
        'Coreline shares rose 6.3% in New York trading.',
        'Microsoft and Oracle have signed up as early customers, she said.',
        'The Public and Commercial Services union (PCS) called a strike.',
      ),
    );
    const orgs = names(f.organizations);
    expect(orgs).not.toEqual(expect.arrayContaining([expect.stringMatching(/^(AI|PC)$/)]));
    expect(byName(f.organizations, 'Coreline Semiconductor')?.aliases).toContain('Coreline');
    expect(names(f.people)).not.toContain('Coreline');
    expect(orgs).toEqual(expect.arrayContaining(['Microsoft', 'Oracle']));
    expect(byName(f.organizations, 'Public and Commercial Services')?.aliases).toContain('PCS');
  });

  it('joins a company named later by its first word to its full name, when no other name begins so', () => {
    const later = 'NorthJet employs 2,300 people and expects flights to continue.';
    const one = extractEntities(article('Bankruptcy', 'NorthJet Airlines Inc. filed for bankruptcy on Monday.', later));
    expect(byName(one.organizations, 'NorthJet Airlines')?.aliases).toEqual(expect.arrayContaining(['NorthJet Airlines Inc.', 'NorthJet']));
    expect(names(one.organizations)).not.toContain('NorthJet');
    const two = extractEntities(article('Bankruptcy', 'NorthJet Airlines and NorthJet Bank were both hit.', later));
    for (const full of ['NorthJet Airlines', 'NorthJet Bank']) expect(byName(two.organizations, full)?.aliases).not.toContain('NorthJet');
  });

  it('reads a role after the name that begins with an acronym spelled like a clause word', () => {
    const f = extractEntities(article('Outbreak', '"Cases are rising," said Dr. Ana Ruiz, the WHO\'s regional director for Europe.'));
    expect(byName(f.people, 'Ana Ruiz')?.roles).toEqual(["WHO's regional director for Europe"]);
  });

  it('gives no person the role and name of the next one in a list', () => {
    const f = extractEntities(
      article('Resignations', 'The affair forced out board chairman Tom Hale, editor Ann Price and reporter Jo Dunn.', 'Lena Fisk, son of club manager Ivo Fisk, spoke.'),
    );
    for (const p of f.people) expect(p.roles.join(' ')).not.toMatch(/Ann Price|Jo Dunn/);
    expect(byName(f.people, 'Lena Fisk')?.roles).toEqual(['son of club manager Ivo Fisk']);
  });

  it('keeps styles out of roles and drops a role that another spells out', () => {
    const f = extractEntities(
      article('Review', 'Audit office head Sir Ian Brooke said Prof. Helen Marsh, Professor of Economics at Leeds University, was right.'),
    );
    expect(byName(f.people, 'Ian Brooke')?.roles.join(' ')).not.toMatch(/Sir/);
    expect(byName(f.people, 'Helen Marsh')?.roles).toEqual(['Professor of Economics at Leeds University']);
  });

  it('reads a headline only for names the body confirms', () => {
    for (const x of [...e.people, ...e.organizations, ...e.places]) expect(['Regulators', 'Open Probe', 'Fees', 'Probe']).not.toContain(x.name);
  });
});

describe('extractEntities: names that are not what the tagger says', () => {
  it('makes a firm of a two-surname name listed with companies, unless it is used like a person', () => {
    const e = extractEntities(
      article(
        'Funding round',
        'Backers of the startup include Contoso Ltd., Halvorsen Kittredge and venture firm Northwind Capital LLC, according to filings.',
        'Halvorsen Kittredge declined to comment. Whitcombe Strand, Fabrikam Inc. and Peter Lang also invested.',
        'Strand said the terms were fair.',
      ),
    );
    expect(names(e.organizations)).toContain('Halvorsen Kittredge');
    expect(names(e.people)).not.toContain('Halvorsen Kittredge');
    // A surname used alone, or a known given name, shows a person.
    expect(names(e.people)).toEqual(expect.arrayContaining(['Whitcombe Strand', 'Peter Lang']));
  });


  it('makes a company of a one-word "person" listed with organizations, but not in a team sheet nor with a longer person', () => {
    const listed = (...body: string[]) => extractEntities(article('Consoles', 'Pemberton unveiled the console in Tokyo.', ...body));
    expect(names(listed('Tarnwell Systems, Ostrava Labs and Pemberton are expected to cut prices.').organizations)).toContain('Pemberton');
    expect(names(listed('Tarnwell Systems, Ostrava Labs and Pemberton are expected to cut prices.').people)).toEqual([]);
    // (a list with no verb is a team sheet; a list with a full name is one of people)
    expect(names(listed('Reserves: Tarnwell Systems, Fenwick, Pemberton.').people)).toContain('Pemberton');
    expect(names(listed('Tarnwell Systems, Ada Fenwick and Pemberton are expected to speak.').people)).toContain('Pemberton');
    // A given name is a firm's only among two organizations or more.
    const named = (body: string) => extractEntities(article('Consoles', 'Harper unveiled the console in Tokyo.', body));
    expect(names(named('Tarnwell Systems, Ostrava Labs and Harper are expected to cut prices.').organizations)).toContain('Harper');
    expect(names(named('Tarnwell Systems and Harper are expected to cut prices.').people)).toContain('Harper');
  });

  it('finds the first of a list of organizations at the start of a sentence, where the tagger left it out', () => {
    const e = extractEntities(article('Consoles', 'Kelvane, Tarnwell Systems and Ostrava Labs will release new machines next year.'));
    expect(names(e.organizations)).toEqual(expect.arrayContaining(['Kelvane', 'Tarnwell Systems', 'Ostrava Labs']));
  });
  it('makes a company of a name set off before a phrase headed by a company noun, but not of a person', () => {
    const e = extractEntities(
      article(
        'Reactors',
        'Halvard Tune, a startup developing small reactors, said it had raised $400 million.',
        'Tarvik Lune, the Ohio lender that financed the plant, said it would sue.',
        'Priya Raman, an investor in the startup, and Oskar Velde, a bank robber, were not named in the filing.',
      ),
    );
    expect(names(e.organizations)).toEqual(expect.arrayContaining(['Halvard Tune', 'Tarvik Lune']));
    expect(names(e.people)).toEqual(expect.arrayContaining(['Priya Raman', 'Oskar Velde']));
  });

  it('makes a company of a name right after a company noun, but not after a role word', () => {
    const e = extractEntities(
      article('Music deals', 'The singer signed with record label Whitfield in March.', 'Investor Marek Sova sold his stake in the label.'),
    );
    expect(names(e.organizations)).toEqual(['Whitfield']);
    expect(names(e.people)).toEqual(['Marek Sova']);
  });

  it('takes no organization from an abstract noun that only opens quotes', () => {
    const e = extractEntities(article('Grid', '"Power cuts are likely this winter," he said.'));
    expect(e.organizations).toEqual([]);
  });

  it('makes companies of the names listed as examples of companies', () => {
    const e = extractEntities(article('Recall', 'The kettles were sold through retailers including Argos and Brackley.'));
    expect(names(e.organizations)).toEqual(['Argos', 'Brackley']);
    expect(names(e.places)).toEqual([]);
  });

  it('cuts the title of the person named next out of an organization, keeping what comes before it', () => {
    const e = extractEntities(
      article('Appeal', 'Ohio Attorney General Dara Quillen said her office would appeal.', 'Tarvik Bank Governor Oskar Velde said rates would stay.'),
    );
    expect(names(e.people)).toEqual(expect.arrayContaining(['Dara Quillen', 'Oskar Velde']));
    expect(byName(e.people, 'Dara Quillen')?.roles).toEqual(['Ohio Attorney General']);
    expect(names(e.organizations)).toEqual(['Tarvik Bank']);
    expect(names(e.places)).toEqual(['Ohio']);
  });

  it('makes a place of a known place the tagger called an organization before the title of the person named next', () => {
    const e = extractEntities(article('Race', 'Its chairman, Tennessee Governor Tom Hale, said the party would regroup.'));
    expect(names(e.places)).toEqual(['Tennessee']);
    expect(byName(e.people, 'Tom Hale')?.roles).toEqual(['Tennessee Governor']);
  });

  it('makes an organization of a "person" that holds an institution of something', () => {
    const e = extractEntities(
      article(
        'Appeal',
        'U.S. District Judge Laura Brennan in Kansas City said the plaintiffs were likely to succeed.',
        'Missouri Attorney General Catherine Hanaway said her office would appeal to the 8th U.S. Circuit Court of Appeals.',
      ),
    );
    expect(names(e.organizations)).toContain('U.S. Circuit Court of Appeals');
    expect(names(e.people)).toEqual(['Laura Brennan', 'Catherine Hanaway']);
  });

  it('makes one organization of two the tagger wrote with no word between them, but not after an initial or before an acronym', () => {
    const e = extractEntities(
      article(
        'Radio',
        'Manchester City manager Pep Guardiola has urged his players to move on when they host Blackburn Rovers on Wednesday.',
        'The presenter spoke on BBC Radio Five Live on Monday.',
      ),
    );
    expect(names(e.organizations)).toEqual(expect.arrayContaining(['Blackburn Rovers', 'BBC Radio Five Live']));
    expect(names(e.organizations)).not.toContain('Rovers');
  });

  it('reads a name written in one word and in two as one brand', () => {
    const e = extractEntities(
      article(
        'Ad sales boost Lumen Crest profit',
        'Profits at media giant LumenCrest rose 76% to $1.13bn in the three months to December.',
        'Lumen Crest said on Friday that it now owns 8% of a search firm.',
        "Lumen Crest's fourth quarter profits were slightly better than expected.",
      ),
    );
    expect(e.people).toEqual([]);
    expect(e.organizations.map((o) => [o.name, o.aliases])).toEqual([['Lumen Crest', ['LumenCrest']]]);
  });

  it("makes an organization of a lone word after a company's possessive, unless the document uses it as a person", () => {
    const e = extractEntities(
      article(
        'Power deals',
        "Microsoft Corp. and Alphabet Inc.'s Google have both signed agreements this year to buy power from nuclear plants.",
        "Contoso Ltd.'s Varga said the deal was fair. Ilona Varga joined Contoso in 2019.",
      ),
    );
    expect(names(e.organizations)).toContain('Google');
    expect(names(e.people)).toEqual(['Ilona Varga']);
  });

  it("makes a person of a name of foreign words after a body's possessive, but not of a brand of English words", () => {
    const e = extractEntities(
      article(
        'Reform',
        "The Gladstone Foundation's Radek Vilimek said the change was overdue.",
        "Calderon Group's Vision Fund will invest $2 billion.",
      ),
    );
    expect(names(e.people)).toEqual(['Radek Vilimek']);
    expect(names(e.organizations)).not.toContain('Radek Vilimek');
  });

  it('leaves a person in a list joined by other words alone', () => {
    const e = extractEntities(article('Hearing', 'Ravi Anand, from campaign group Fairwatch, and Contoso Ltd. gave evidence.'));
    expect(names(e.organizations)).not.toContain('Ravi Anand');
  });

  it('drops a common-noun head after a name the article uses on its own', () => {
    const e = extractEntities(
      article(
        'Trade',
        'Ministers praised the approval of the Fabrikam Deal on Monday. Fabrikam shares rose.',
        'The Contoso Plan was criticised by unions, and Contoso said it would respond.',
      ),
    );
    expect(names(e.organizations)).toEqual(expect.arrayContaining(['Fabrikam', 'Contoso']));
    expect(names(e.organizations)).not.toContain('Fabrikam Deal');
    expect(names(e.organizations)).not.toContain('Contoso Plan');
    expect(byName(e.organizations, 'Fabrikam')?.mentions).toBe(2);
  });

  it('makes world regions places, but not when they begin a longer name', () => {
    const e = extractEntities(
      article(
        'Regions',
        'Sales rose in Asia-Pacific markets, the Middle East, the Global South and Sub-Saharan Africa last year.',
        'Exporters in Latin America and the Balkans were hit too.',
        'Delegates met at the Asia-Pacific Fisheries Council in Lima.',
      ),
    );
    expect(names(e.places)).toEqual(
      expect.arrayContaining(['Asia-Pacific', 'Middle East', 'Global South', 'Sub-Saharan Africa', 'Latin America', 'Balkans']),
    );
    expect(names(e.organizations)).toContain('Asia-Pacific Fisheries Council');
    expect(names(e.organizations)).not.toContain('Global South');
    expect(byName(e.places, 'Asia-Pacific')?.sentences).toEqual(['s1']);
  });

  it('makes a compass point before a known place, and a county or province after a place, one place', () => {
    const e = extractEntities(
      article(
        'Floods',
        'Heavy rain drenched Southern California on Sunday and forced evacuations in Santa Barbara County.',
        'Another storm hit Northern California, and the Hubei Province government sent aid to South Africa and East London.',
        'Growers in Australia and New Zealand, and in eastern Europe, were spared.',
      ),
    );
    expect(names(e.places)).toEqual(expect.arrayContaining(['Southern California', 'Santa Barbara County', 'Northern California', 'South Africa', 'East London', 'Australia', 'New Zealand', 'Europe']));
    expect(names([...e.organizations, ...e.people]).filter((n) => /California|County|Southern/.test(n))).toEqual([]);
    expect(names(e.places)).not.toContain('Australia and New Zealand');
  });

  it('confirms a headline name by a body name, not by a word in the middle of one', () => {
    // (read whole, as a file: the headline's tags depend on the rest of the article)
    const text = [
      '---',
      'published: 2023-11-14',
      '---',
      'Central Bank Holds Rates as Inflation Cools',
      '',
      'FRANKFURT (Reuters) - The European Central Bank kept its deposit rate at 4% on Thursday, its second pause after ten consecutive hikes, as inflation in the euro zone fell to 2.9% in October from 4.3% in September.',
      '',
      'ECB President Christine Lagarde told reporters in Athens that it was "premature" to discuss cuts. "We are not talking about cutting rates at all," she said. Bundesbank chief Joachim Nagel said on Monday that rates would stay high "for some time".',
      '',
      'Economists at Goldman Sachs and JPMorgan Chase & Co. now expect the first cut in the second quarter of 2024, while markets price in about 90 basis points of easing by December next year. The bank will publish new staff projections on Dec. 14.',
    ].join('\n');
    const { facts } = processFile('in/rates.txt', new TextEncoder().encode(text), undefined).article!;
    expect(names(facts.organizations)).toContain('European Central Bank');
    expect(names([...facts.people, ...facts.organizations, ...facts.places])).not.toContain('Central');
  });
});
