import { describe, expect, it } from 'vitest';
import { extractIssues, normalize } from '../../src/analyse/issues/index.ts';
import type { Entity, Sentence } from '../../src/analyse/types.ts';
import { processFile } from '../../src/pipeline/build.ts';
import { entity, prose, tagged } from './tagged.ts';

const none = { people: [] as Entity[], organizations: [] as Entity[], places: [] as Entity[] };

function names(sentences: Sentence[], entities = none, taxonomy = {}): string[] {
  return extractIssues(sentences, entities, taxonomy).map((i) => i.name);
}

function issueWith(sentences: Sentence[], alias: string, entities = none) {
  return extractIssues(sentences, entities).find((i) => [i.name, ...i.aliases].some((a) => a.toLowerCase() === alias));
}

// A made-up story: a drought, water rationing and a desalination plant.
const drought = prose(
  ['title', 'Water rationing begins as reservoir levels fall'],
  'Water rationing will begin in the region next week after reservoir levels fell to a record low, officials said on Monday.',
  'The drought has lasted two years. Farmers say the rationing will hurt their crops, and several towns have already cut supplies.',
  'Officials are also planning a desalination plant on the coast. The desalination plant would cost far more than expected, critics say.',
  'Reservoir levels usually recover in the spring, but this year the rains did not come.',
);

describe('extractIssues', () => {
  it('ranks the salient noun phrases of the story first', () => {
    const found = names(drought).map((n) => n.toLowerCase());
    expect(found.slice(0, 4)).toEqual(expect.arrayContaining(['water rationing', 'desalination plant']));
    expect(found).not.toContain('year');
    expect(found).not.toContain('officials');
  });

  it('ends a phrase before a participle with an object ("a startup developing small reactors") and before the verb of a report', () => {
    const sentences = prose(
      ['title', 'Startup raises $400m to build small nuclear reactors'],
      'Brightwell Energy, a startup developing small modular reactors, said Monday it had raised $400 million in a funding round led by Quillon Partners, valuing the company at $3.2 billion.',
    );
    const organizations = [entity(sentences, 'Brightwell Energy'), entity(sentences, 'Quillon Partners')];
    expect(names(sentences, { ...none, organizations })).toEqual(['Nuclear reactors', 'Startup']);
    const report = prose('Small modular reactors are cheaper to build, the startup says.', 'The startup says its first plant will open in 2030.');
    expect(names(report).map((n) => n.toLowerCase())).not.toContain('startup says');
  });

  it("takes no issue from a title before a person's name, nor a noun from a headline's only verb", () => {
    const issues = (...paragraphs: string[]) => {
      const text = `---\npublished: 2026-08-19\n---\n${paragraphs.join('\n\n')}\n`;
      return processFile('in/quake.txt', new TextEncoder().encode(text), undefined).article!.facts.issues.map((i) => i.name);
    };
    const title = 'Strong earthquake kills at least 37 in eastern Turkey';
    const lead = "A magnitude 6.4 earthquake struck eastern Turkey early on Wednesday, killing at least 37 people and injuring more than 400, the country's disaster agency AFAD said.";
    const minister = 'Interior Minister Tomas Ferre said rescue teams were searching the rubble of 62 collapsed buildings. President Ilan Moravec was due to visit the region on Thursday.';
    expect(issues(title, lead, minister)).toEqual(['Earthquake']);
    expect(
      issues(
        title,
        lead,
        'The quake hit at 4:17 a.m. local time near the town of Kestrel, at a depth of about 10 kilometres, according to the U.S. Geological Survey. Dozens of aftershocks followed, the strongest of magnitude 5.1.',
        minister,
        'The region was among the worst hit by the February 2023 earthquakes, which killed more than 50,000 people in Turkey and Syria.',
        '"We heard a roar and then everything was shaking," said Mira Holt, a teacher who spent the night in her car with her two children.',
      ),
    ).toEqual(['Earthquake']);
  });

  it('gives slug ids, sentence ids and weights relative to the best issue', () => {
    const [first, ...rest] = extractIssues(drought, none);
    expect(first!.weight).toBe(1);
    expect(rest.every((i) => i.weight <= 1 && i.weight > 0)).toBe(true);
    const plant = extractIssues(drought, none).find((i) => i.name === 'Desalination plant')!;
    expect(plant.id).toBe('desalination-plant');
    expect(plant.sentences).toEqual(drought.filter((s) => /desalination plant/i.test(s.text)).map((s) => s.id));
  });

  it('merges plural and singular, and hyphenated and spaced forms', () => {
    const sentences = prose(
      'Sales of heat-pump boilers rose sharply in May.',
      'Builders fit a heat pump boiler in every new house, and heat-pump boilers are hard to install in old ones.',
    );
    expect(normalize('Heat-pump boilers')).toBe('heat pump boiler');
    const issue = issueWith(sentences, 'heat-pump boilers')!;
    expect(issue.aliases.map((a) => a.toLowerCase())).toContain('heat pump boiler');
  });

  it('merges synonyms and near kinds found in WordNet: tariffs, levies, duties', () => {
    const sentences = prose(
      'The government raised tariffs on imported steel.',
      'The new levies take effect in March, and duties on aluminium will follow.',
      'Exporters said the tariffs would cost them dearly, and the levies would be passed on to buyers.',
    );
    const issue = issueWith(sentences, 'tariffs')!;
    expect([issue.name, ...issue.aliases].map((a) => a.toLowerCase())).toEqual(expect.arrayContaining(['tariffs', 'levies', 'duties']));
  });

  it('joins a kind to a common hypernym only when WordNet defines the kind by it: a win is a victory, a dance no art', () => {
    const match = prose(
      'The club celebrated a win over the league leaders, and the victory lifted them to second place.',
      'It was their third win this season. Fans said the victory was deserved.',
    );
    const win = issueWith(match, 'win')!;
    expect([win.name, ...win.aliases].map((a) => a.toLowerCase())).toContain('victory');
    const festival = prose(
      'Dance is taught in the old mill, and critics say dance has never been more popular there.',
      'Art on the walls of the mill was painted by local children, and art classes follow.',
      'Dance will tour next year. Visitors praised art and dance alike.',
      'Critics said art was as good as dance.',
    );
    const found = names(festival).map((n) => n.toLowerCase());
    expect(found).toContain('dance');
    expect(found).toContain('art');
  });

  it('merges phrases that share a modifier and have kindred heads: export controls, export restrictions', () => {
    const sentences = prose(
      'Export controls on advanced chips were tightened last year.',
      'The export restrictions also apply to software, and the export controls may widen again.',
    );
    const issue = issueWith(sentences, 'export controls')!;
    expect(issue.aliases.map((a) => a.toLowerCase())).toContain('export restrictions');
  });

  it('merges compounds built on the same multi-word term', () => {
    const sentences = prose(
      'Prices of heat pump boilers doubled this year.',
      'Firms that make heat pump boilers are few, and heat pump grants depend on them.',
      'Applications for heat pump grants are looking up.',
    );
    const issue = issueWith(sentences, 'heat pump boilers')!;
    expect(issue.aliases.map((a) => a.toLowerCase())).toContain('heat pump grants');
  });

  it('counts an entity as an issue when it is discussed, not when it acts', () => {
    const sentences = prose(
      'Lawmakers debated a ban on Chatterly, the messaging app, on Tuesday.',
      'Parents have campaigned against Chatterly for years, and the Chatterly ban now has wide support.',
      'Harlow Council said it would vote next month. Harlow Council has asked for advice on the ban.',
    );
    const entities = {
      people: [],
      organizations: [entity(sentences, 'Chatterly'), entity(sentences, 'Harlow Council')],
      places: [],
    };
    const found = names(sentences, entities);
    expect(found).toContain('Chatterly');
    expect(found).not.toContain('Harlow Council');
  });

  it('counts a place as an issue when it is contested, not when it is where things happen', () => {
    const sentences = prose(
      'Talks in Harlow ended without a deal over Norland on Friday.',
      'Both sides claim Norland, and tensions over Norland have grown since the spring.',
      'Delegates who met in Harlow will meet again in Harlow next month to discuss Norland.',
    );
    const entities = { people: [], organizations: [], places: [entity(sentences, 'Norland'), entity(sentences, 'Harlow')] };
    const found = names(sentences, entities);
    expect(found).toContain('Norland');
    expect(found).not.toContain('Harlow');
  });

  it('never makes an issue of a noun every kind of story uses', () => {
    const sentences = prose(
      'Officials made progress on several issues at the meeting on Monday.',
      'The progress was slow and the issues were many, officials said.',
      'Smugglers moved cobalt across the border, and cobalt prices rose.',
      'Cobalt mines in the north have made progress too, though issues remain.',
    );
    const found = names(sentences).map((n) => n.toLowerCase());
    expect(found[0]).toMatch(/cobalt/);
    expect(found).not.toEqual(expect.arrayContaining([expect.stringMatching(/^(progress|issues?|officials?|meeting)$/)]));
  });

  it('leaves out a common word said in too few sentences, or only as a bare noun of purpose or means', () => {
    const sentences = prose(
      'Ministers agreed on the main items for negotiation before the summit in Oskar Bay.',
      'Fishing quotas were among the items for negotiation, officials said.',
      'The ministers spoke by phone on Tuesday and will speak by phone again next week.',
      'Fishing quotas have fallen for years, and trawler owners want the fishing quotas raised.',
    );
    const found = names(sentences).map((n) => n.toLowerCase());
    expect(found).toContain('fishing quotas');
    expect(found).not.toEqual(expect.arrayContaining([expect.stringMatching(/^(items?|negotiations?|phones?)$/)]));
  });

  it('gives a short report whose topic is a common word that its headline names that topic, when nothing else comes back', () => {
    const short = (headline: string) =>
      names(
        prose(
          ['title', headline],
          'The former champion said on Monday that her retirement would have to wait another year.',
          'Doctors cleared her to play after a long spell out, and she thanked her coach.',
          'Few had expected her back after the last season.',
        ),
      );
    expect(short('Former champion puts retirement on hold')).toEqual(['Retirement']);
    expect(short('Former champion makes plans')).toEqual([]);
  });

  it('names an issue after the compound its lone modifier stands for', () => {
    const sentences = prose(
      'The ministry tightened export quotas on grain this week.',
      'Exports fell sharply after the harvest, and exports of barley stopped.',
      'Farmers said exports would not recover soon.',
    );
    const issue = issueWith(sentences, 'exports')!;
    expect(issue.name).toBe('Export quotas');
  });

  it('keeps a lone word as the name when it shares the issue with its kin', () => {
    const sentences = prose(
      'The council raised tolls on the bridge, and its fee powers were challenged in court.',
      'The new fees take effect in March, and tolls on the tunnel will follow.',
      'Drivers said the fees and tolls would cost them dearly.',
    );
    const issue = issueWith(sentences, 'fee powers')!;
    expect(issue.aliases).toContain('fees');
    expect(issue.name.toLowerCase()).not.toBe('fee powers');
  });

  it('makes one issue of a war, named after the places at war, however it is phrased', () => {
    const sentences = prose(
      ['title', 'Ceasefire talks stall as Norland-Sudmark war drags on'],
      'Envoys met on Monday to discuss the war between Norland and Sudmark, now in its third year.',
      'Norland’s war in Sudmark has cost both economies dearly, and grain exports have halved.',
      'Officials said the Norland-Sudmark war could end only with a deal on the border.',
      'Grain prices rose again as the war in Sudmark disrupted harvests.',
    );
    const places = [entity(sentences, 'Norland'), entity(sentences, 'Sudmark')];
    const issues = extractIssues(sentences, { ...none, places });
    const war = issues.find((i) => i.name === 'Norland-Sudmark war')!;
    expect(war.aliases).toEqual(expect.arrayContaining(['war between Norland and Sudmark', 'Norland’s war in Sudmark', 'war in Sudmark']));
    expect(war.sentences).toEqual(['title', 's1', 's2', 's3', 's4']);
    expect(issues.filter((i) => /war/i.test(i.name))).toHaveLength(1);
  });

  it('makes one issue of an event named by its organiser or place, with the gatherings held at it: a name before a meeting noun', () => {
    const sentences = prose(
      ['title', 'Fishing quotas top agenda at Northern Fisheries Council summit'],
      'Ministers arrive on Monday for the Northern Fisheries Council summit in Kessby, where fishing quotas will dominate.',
      'The NFC summit is the first since quotas were cut, and fishing quotas will be reviewed again in May.',
      'Delegates said the summit would also discuss harbour fees. Kessby talks last year ended without a deal.',
      'A side meeting at the NFC summit will take up harbour fees, and the side meeting may run late.',
    );
    const issues = extractIssues(sentences, { ...none, organizations: [entity(sentences, 'Northern Fisheries Council', ['NFC'])] });
    const summit = issues.find((i) => /summit/i.test(i.name))!;
    // Said in full twice and short twice: the shorter name.
    expect(summit.name).toBe('NFC summit');
    expect(summit.aliases.map((a) => a.toLowerCase())).toEqual(expect.arrayContaining(['northern fisheries council summit', 'summit', 'side meeting']));
    expect(issues.filter((i) => /summit/i.test(i.name))).toHaveLength(1);
  });

  it('leaves a war without places, such as a price war, to the noun phrases', () => {
    const sentences = prose(
      'A price war between the two grocers has cut margins in Norland.',
      'The price war began in May, and analysts expect the price war to last.',
    );
    const found = names(sentences, { ...none, places: [entity(sentences, 'Norland')] });
    expect(found).toContain('Price war');
    expect(found.some((n) => n.startsWith('Norland'))).toBe(false);
  });

  it('never makes an issue of a lone noun for an actor or a container, though its compounds and real topics stand', () => {
    const sentences = prose(
      ['title', 'Glassworks company to close two plants'],
      'The company said on Monday that it would close two plants in the valley, and the network of suppliers will shrink.',
      'The company blamed falling demand, and the company expects further losses this year.',
      'Pollution from the plants has worried residents for years, and the network of streams near them is grey.',
      'Pollution near the river rose again last year, the company admitted.',
      'Company pensions will be cut. Workers fear that company pensions may vanish altogether.',
    );
    const found = names(sentences).map((n) => n.toLowerCase());
    expect(found).not.toContain('company');
    expect(found).not.toContain('network');
    expect(found).toContain('company pensions');
    expect(found).toContain('pollution');
  });

  it('never names an issue after a lone noun for the occasion of the news, though a compound it stands for may', () => {
    const sentences = prose(
      ['title', 'Leaders meet at summit as bid for mill fails'],
      'The summit in the valley opened on Monday, and leaders at the summit discussed river pollution.',
      'River pollution has killed fish for years, and the summit heard that river pollution is rising.',
      'The bid for the paper mill failed. A second bid is unlikely, and the bid was the largest this year.',
      'A takeover bid for the glassworks also failed, and the takeover bid may return.',
    );
    const found = names(sentences).map((n) => n.toLowerCase());
    expect(found).toContain('river pollution');
    expect(found).toContain('takeover bid');
    expect(found).not.toContain('summit');
    expect(found).not.toContain('bid');
  });

  it('never names an issue after a lone word of the news genre for what a source said, such as a readout, but keeps medals', () => {
    const sentences = prose(
      'The ministry released a readout of the call between the two rowing federations.',
      'The readout said medals for the junior regatta were discussed, and a second readout followed on Tuesday.',
      'According to the readout, the medals will be cast in Kessby. The medals were also on the agenda in May.',
    );
    const found = names(sentences).map((n) => n.toLowerCase());
    expect(found).toContain('medals');
    expect(found).not.toContain('readout');
  });

  it('never names an issue after a lone noun of a broad class said only of one particular thing, but keeps a narrow one', () => {
    const sentences = prose(
      'The law was passed in March after a long fight over fishing quotas.',
      'Critics of the law say fishing quotas will hurt small ports, and the law may be challenged.',
      'Fishing quotas were cut again this year. Supporters say the law protects stocks.',
      'The election in May will test the law. Candidates in the election disagree, and the election is close.',
    );
    const found = names(sentences).map((n) => n.toLowerCase());
    expect(found.some((n) => n.endsWith('quotas'))).toBe(true);
    expect(found).toContain('election');
    expect(found).not.toContain('law');
  });

  it('keeps a word WordNet knows only in a two-word noun with the noun after it: operating system', () => {
    const sentences = prose(
      'The new operating system for school laptops was released in May.',
      'Teachers said the operating system was slow, and the operating system will be patched.',
    );
    expect(names(sentences).map((n) => n.toLowerCase())).toContain('operating system');
  });

  it('never makes an issue of an amount: units counted in the plural, numbers', () => {
    const sentences = prose(
      'The salt mine in Kessby will cost 40m euros, and half of the salt mine will be underground.',
      'Investors have put 12m euros into the salt mine so far, half of what it needs.',
      'A further 5m euros will come from the region, which hopes the other half will follow for the salt mine.',
    );
    const found = names(sentences).map((n) => n.toLowerCase());
    expect(found).toContain('salt mine');
    expect(found).not.toContain('euros');
    expect(found).not.toContain('half');
    // nor of a number in words the tagger read as an adjective
    const counted = names(prose('The lab grew ten thousand crystals for the salt mine.', 'The salt mine needs the crystals.')).map((n) => n.toLowerCase());
    expect(counted.filter((n) => /thousand/.test(n))).toEqual([]);
  });

  it('never makes an issue of a unit of measure, but may of a currency', () => {
    const sentences = prose(
      'Copper climbed to $11,420 a tonne as the pound rose and the strike at the mine entered its second week.',
      'The price of a tonne of copper has doubled, and the pound gained again on Tuesday.',
      'Analysts raised their copper forecast to $12,000 a tonne as the pound held its gains.',
    );
    const found = names(sentences).map((n) => n.toLowerCase());
    expect(found).not.toContain('tonne');
    expect(found).toContain('pound');
  });

  it('makes an issue of a rate, which WordNet files with time, but never of a stretch of time', () => {
    const sentences = prose(
      'The central bank of Kessby left interest rates unchanged this week, and the jobless rate fell.',
      'Higher interest rates have squeezed borrowers for a year, the bank said.',
      'Economists expect interest rates to fall next year, while the jobless rate keeps falling.',
    );
    const found = names(sentences).map((n) => n.toLowerCase());
    expect(found).toEqual(expect.arrayContaining(['interest rates']));
    expect(found.filter((n) => /\b(week|year)s?\b/.test(n))).toEqual([]);
  });

  it('keeps verbs out of topics where the tagger read them as nouns', () => {
    const sentences = prose(
      ['title', 'Chipmaker Planning A Share Sale'],
      'The survey comes as the chipmaker is planning a share sale worth 2bn crowns.',
      'The share sale will fund a new plant, and the survey comes as rivals cut prices.',
      'Analysts said the share sale would be the largest this year, though the chipmaker tries to play it down.',
    );
    // A participle between a determiner and a noun, tagged as the tagger may: "the coming budget vote".
    sentences.push(
      tagged('s5', 'Ministers/NNS await/VBP the/DT coming/VBG budget/NN vote/NN ,/, and/CC the/DT share/NN sale/NN may/MD sway/VB the/DT budget/NN vote/NN ./.'),
      tagged('s6', 'The/DT budget/NN vote/NN is/VBZ close/JJ ./.'),
    );
    const found = extractIssues(sentences, none).flatMap((i) => [i.name, ...i.aliases].map((n) => n.toLowerCase()));
    expect(found).toContain('share sale');
    expect(found.some((n) => /\b(comes|planning|tries|coming)\b/.test(n))).toBe(false);
  });

  it('reads a title-case headline as a sentence, not as one phrase', () => {
    const sentences = prose(
      ['title', 'Mill Fire Destroys Warehouses'],
      'A fire at the paper mill destroyed two warehouses on Sunday night.',
      'The mill fire burned for six hours, and the warehouses held a year of stock.',
    );
    const found = names(sentences).map((n) => n.toLowerCase());
    expect(found.some((n) => n.includes('destroys'))).toBe(false);
    expect(found).toEqual(expect.arrayContaining(['mill fire']));
  });

  it('reads the last word of a title-case headline in -s as its verb, unless the article writes it as a noun', () => {
    const verb = prose(
      ['title', 'Kessby Holds Rates as Inflation Cools'],
      'The port of Kessby reopened on Monday after a dock strike of three weeks, and inflation in the region fell.',
      'The dock strike cost shippers millions, and the union said the dock strike had been worth it, though inflation rose again.',
    );
    const found = names(verb).map((n) => n.toLowerCase());
    expect(found).toContain('inflation');
    expect(found.some((n) => n.includes('cools'))).toBe(false);
    const noun = prose(
      ['title', 'Union Fights Pay Cuts'],
      'Dock workers at Kessby walked out over pay cuts on Monday.',
      'The union says the cuts would cost each docker a tenth of his wage, and the pay cuts start in May.',
    );
    expect(names(noun).map((n) => n.toLowerCase())).toContain('pay cuts');
  });

  it('finds the verb of a headline clause that has none in the one word that agrees with the noun before it', () => {
    // Tagged as the tagger reads headlines: the verbs as an adjective and a plural.
    const title = (source: string) => tagged('title', source, 0, 'title');
    const body = prose(
      'Gales drove a wildfire toward the town of Orrin on Monday, and the flames jumped a road.',
      'Firefighters said the flames were the worst in years, and the blaze forced a strike at the port to end.',
      'Dockers said the strike was over, and the port reopened, though the flames kept the wildfire alive.',
    );
    const fire = names([title('Wildfire/NN nears/NNS Orrin/NNP as/IN gales/NNS fan/JJ flames/NNS'), ...body]).map((n) => n.toLowerCase());
    expect(fire.some((n) => /\bfan\b|\bnears\b/.test(n))).toBe(false);
    expect(fire).toEqual(expect.arrayContaining(['wildfire', 'flames']));
    const strike = names([title('Port/NN strike/NN halts/JJ flights/NNS'), ...body]).map((n) => n.toLowerCase());
    expect(strike.some((n) => n.includes('halts'))).toBe(false);
    // Two words that could be the verb ("stocks", "rally"): the tags stand.
    const rally = extractIssues([title('Tech/NN stocks/NNS rally/NN'), ...prose('Tech stocks rose on Monday.', 'Tech stocks led the market, and tech stocks may rise again.')], none);
    expect(rally.map((i) => i.name.toLowerCase())).toContain('tech stocks');
  });

  it('reads a headline word the tagger called an adjective as the noun it only is', () => {
    const sentences = [
      tagged('title', 'Tarnware/JJ unveils/JJ folding/JJ laptop/JJ priced/VBN at/IN $/$ 900/CD', 0, 'title'),
      ...prose('Tarnware showed a laptop that folds in half on Monday.', 'Reviewers said the screen was sharp, and shops will stock it in May.'),
    ];
    expect(names(sentences).map((n) => n.toLowerCase())).toContain('laptop');
  });

  it('reads a verb in -s as the verb when the sentence has no other, not as a plural noun', () => {
    const found = names(
      prose(
        ['title', 'Walking and memory'],
        'Dementia affects about a million people in the country, a charity said.',
        'Doctors say dementia is rising as people live longer, and dementia care is scarce.',
      ).map((s) => (s.id === 's1' ? tagged('s1', 'Dementia/NNP affects/VBZ about/IN a/DT million/CD people/NNS in/IN the/DT country/NN ./.') : s)),
    ).map((n) => n.toLowerCase());
    expect(found).toContain('dementia');
    expect(found.some((n) => n.includes('affects'))).toBe(false);
  });

  it('keeps relational adjectives in a topic and leaves descriptive ones and verbs out', () => {
    const sentences = prose(
      'The plant will produce nuclear power from next year, and additional levies on coal will follow.',
      'Critics of nuclear power say the additional levies will fall on households.',
      'Ministers hope to not undermine support for nuclear power in the north.',
    );
    const found = extractIssues(sentences, none).flatMap((i) => [i.name, ...i.aliases].map((n) => n.toLowerCase()));
    expect(found).toContain('nuclear power');
    expect(found).not.toContain('additional levies');
    expect(found.some((n) => n.includes('undermine'))).toBe(false);
  });

  it('keeps a generic head out of the topic it was said with', () => {
    const sentences = prose(
      'The subsidy fight between the two blocs dragged on in Brussels.',
      'Farm subsidies cost billions, and the subsidies go mostly to large estates.',
      'Charities said the fight against hunger mattered more.',
    );
    const issue = issueWith(sentences, 'subsidies')!;
    expect(issue.aliases.map((a) => a.toLowerCase())).not.toContain('fight');
  });

  it('reads a capitalised common noun as one when the article also writes it in lower case', () => {
    const sentences = prose(
      '"We talked about Cobalt, Lithium and the border," the minister said.',
      'Exports of cobalt have doubled, and cobalt smuggling is rising.',
    );
    const issue = issueWith(sentences, 'cobalt')!;
    expect(issue.sentences).toContain('s1');
  });

  it('applies a taxonomy: merge variants under a name, rename, drop', () => {
    const sentences = prose(
      'The government raised tariffs on imported steel, and export subsidies rose.',
      'The new duties take effect in March. Export subsidies will be cut later.',
      'A desalination plant is planned. The desalination plant would be the first of its kind.',
    );
    const taxonomy = {
      trade: { name: 'Trade', aliases: ['tariffs', 'duties', 'export subsidies'] },
      'desalination plant': { drop: true },
    };
    const issues = extractIssues(sentences, none, taxonomy);
    const trade = issues.find((i) => i.name === 'Trade')!;
    expect(trade.id).toBe('trade');
    expect(trade.aliases.map((a) => a.toLowerCase())).toEqual(expect.arrayContaining(['tariffs', 'duties', 'export subsidies']));
    expect(issues.map((i) => i.name.toLowerCase())).not.toContain('desalination plant');
    const renamed = extractIssues(sentences, none, { 'desalination plant': { name: 'Water supply' } });
    expect(renamed.map((i) => i.name)).toContain('Water supply');
  });
});
