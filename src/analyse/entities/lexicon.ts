import { createRequire } from 'node:module';

/**
 * General word lists for the entity rules: titles and roles of people, company suffixes,
 * institution nouns. They describe English news style, not any particular article.
 */

const words = (s: string) => new Set(s.trim().split(/\s+/));

/** Head nouns of a title or role ("President", "Secretary", "analyst"). */
export const ROLE_HEADS = words(`
  president president-elect vice-president minister premier secretary chancellor representative
  ambassador envoy governor senator congressman congresswoman lawmaker legislator mayor king queen
  prince princess emperor empress pope cardinal archbishop bishop rabbi imam sheikh emir sultan
  chairman chairwoman chair chairperson ceo cfo coo cto founder co-founder director manager coach
  captain skipper chief boss commander general admiral colonel lieutenant sergeant spokesman
  spokeswoman spokesperson lady judge justice attorney prosecutor commissioner leader head editor
  analyst economist strategist adviser advisor counsel counsellor officer executive dr prof rev
  reverend professor sen rep gov gen lt col sgt capt cmdr adm maj dame sir lord baroness baron
  speaker treasurer official diplomat negotiator striker midfielder defender goalkeeper batsman
  bowler all-rounder champion player actor actress singer author writer presenter correspondent
  researcher scientist partner economist trader investor owner publisher producer premier-elect
  governor-general whip deputy director-general secretary-general attorney-general
  solicitor-general surgeon-general inspector-general detective inspector superintendent constable
  det insp supt superintendent inspector detective constable marshal sheriff mp mep rector
  principal ruler monarch regent consul attaché undersecretary under-secretary comptroller
  administrator engineer lawyer barrister solicitor doctor surgeon nurse teacher lecturer
  architect designer developer programmer pilot soldier journalist reporter photographer
  consultant banker accountant entrepreneur activist campaigner novelist poet
  filmmaker film-maker composer musician guitarist drummer artist chef chemist physicist biologist
`);

/** Words that can sit inside a title before the head ("Vice", "Foreign", "first", "Health"). */
export const ROLE_MODIFIERS = words(`
  vice deputy assistant acting interim former ex first second foreign defense defence treasury trade
  state finance commerce interior justice health education energy agriculture labor labour home
  transport economy economic prime general chief executive senior junior associate managing lead
  principal national security press white house supreme high district majority minority party
  opposition team club county federal central bank reserve union top grand crown lord lady
  attorney solicitor environment culture information communications science technology industry
  army navy air force military police intelligence financial operating technical marketing sales
  chief-executive co founding honorary emeritus permanent special external internal regional
  provincial state-owned city council parliamentary presidential royal political rt shadow group
`);

/** Titles that, capitalized right before capitalized words, mark those words as a person. */
export const PERSON_TITLES = words(`
  president minister secretary representative director chairman chairwoman senator governor
  ambassador spokesman spokeswoman premier chancellor ceo commissioner mayor judge prosecutor coach
  envoy congressman congresswoman lawmaker
`);

/** Head nouns of organization names ("... Economic Cooperation", "Supreme Court"). */
export const ORG_HEADS = words(`
  cooperation co-operation organisation organization association council committee commission
  fund agency ministry department court corporation company institute university college
  foundation authority federation board office bureau secretariat tribunal parliament assembly
  senate congress government police constabulary army trust academy
`);

/**
 * Last words of a public body's name that joins its remits with "and": "Customs and Border
 * Protection", "Food and Drug Administration", "Health and Human Services".
 */
export const REMIT_HEADS = words(`protection enforcement administration affairs prevention services development`);

/** Acronyms English uses as common nouns ("AI chips", "a PC", "GDP"), as written: no names ("PCS" may be one). */
export const COMMON_ACRONYMS = words(`
  AI GDP GNP CPI CEO CFO COO CTO IPO ETF EV EVs VAT GPS DNA RNA HIV TV PC PCs SMS MMS DVD DVDs CD
  CDs USB ATM ATMs API APIs VR IoT LCD LED HD CPU GPU GPUs RAM SIM VIP DIY FAQ HR PR ESG LLM LLMs
`);

/** Last words of football clubs' names, which name no person or place ("Bristol Rovers", "Wycombe Wanderers"). */
export const CLUB_HEADS = words(`rovers wanderers rangers athletic albion hotspur united argyle orient`);

/**
 * Heads of institutions named for what they serve or whom they gather ("Centres for Disease
 * Control", "Court for the District of ...", "Union of Concerned Scientists").
 */
export const INSTITUTION_HEADS = words(`
  centre center institute foundation society commission council committee court office agency
  fund trust campaign alliance coalition association federation board authority department ministry
  union confederation organisation organization college academy guild bank
`);

/** Heads that also make organizations of places, not of events ("National League" is not). */
export const PLACE_ORG_HEADS = words(`league group forum club exchange alliance coalition party school network airlines airways lab labs laboratory laboratories`);

/**
 * Head nouns of institutions and buildings whose names may hold a possessive ("Derby Magistrates'
 * Court", "Queen's Medical Centre", "National Farmers' Union"): the name runs on past it.
 */
export const FACILITY_HEADS = words(`
  court courts centre center hospital college school university academy institute cathedral church
  chapel hall theatre theater museum gallery hotel stadium park bridge station infirmary clinic
  association union federation guild society alliance league
`);

/** Head nouns of events, laws and awards, which are neither organizations nor places ("PGA Tour"). */
export const EVENT_HEADS = words(`
  cup open championship championships classic games tour trophy award awards prize festival
  olympics war battle day act treaty protocol agreement accord accords convention index rally
  marathon derby tournament series expo summit
`);

/** Planets, which WordNet also knows as gods: "the equator of Mars" names no person. (Not Venus or Mercury: "Venus" is also Venus Williams.) */
export const PLANETS = words(`earth mars jupiter saturn uranus neptune pluto`);

/** Heads of prizes, which end no person's name ("Mies van der Rohe Award", "Turner Prize"). */
export const PRIZE_HEADS = words(`award awards prize prizes trophy medal`);

/** Geographic head words that end a place's name ("Caspian" + "Sea"). */
export const GEO_HEADS = new Set(
  'Sea Ocean River Lake Mountains Mountain Island Islands Strait Straits Gulf Bay Valley Desert Peninsula Canal Coast Basin Delta Plateau Plain Plains Sound Channel Falls Heights County Province Prefecture Oblast Governorate Street Road Avenue Square Lane Boulevard'.split(' '),
);

/** Compass points that make a part of a place a place of its own ("Southern California", "East London"). */
export const COMPASS = new Set('North South East West Northern Southern Eastern Western Central'.split(' '));

/** Month and day names: capitalized, but never the start of a place or an organization. */
export const CALENDAR =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Yesterday|Today|Tonight|Tomorrow)$/;

/** Honorifics are not roles ("Mr. Smith" has no role). */
export const HONORIFICS = words(`mr mr. mrs mrs. ms ms. miss mx mx. messrs messrs. mme mlle herr`);

/** Legal-form suffixes of company names ("Fabrikam Co." → "Fabrikam"). */
export const COMPANY_SUFFIXES = words(`
  co co. corp corp. corporation inc inc. incorporated ltd ltd. limited llc l.l.c. llp lp l.p. plc
  ag sa s.a. nv n.v. se gmbh spa s.p.a. ab asa oyj bhd bhd. pty pty. kk bv b.v. sarl sas bros bros.
`);

/** Descriptors dropped together with a legal suffix ("Northwind Management LLC" → "Northwind"). */
export const COMPANY_DESCRIPTORS = words(`management holdings holding group`);

/**
 * Last words of a company's full name that say what it does ("Kestrel Homes", "Fabrikam
 * Airlines"), which the article may drop after the first mention ("Kestrel").
 */
export const TRADE_NOUNS = words(`
  airlines airways air motors homes foods group holdings bank energy pharmaceuticals pharma
  technologies technology systems industries communications entertainment insurance securities
  partners capital brands resources petroleum oil steel mining media networks telecom electronics
  software studios properties investments construction logistics financial party semiconductor
  semiconductors robotics biotech therapeutics aerospace chemicals automotive hotels stores micro devices
  platforms labs laboratories ventures solutions
`);

/**
 * Last words of a public service's or utility's name after the place it serves ("Nova Scotia
 * Health", "Thames Water"), which make the place's name an organization's.
 */
export const SERVICE_HEADS = words(`health healthcare water power electric electricity gas utilities transit rail railways`);

/** Fields that, capitalized before a country, name its public body ("Environment Canada", "Sport England"). */
export const FIELDS_OF_BODIES = new Set('Environment Statistics Health Transport Parks Sport Heritage Fisheries Infrastructure Elections Arts'.split(' '));

/** Lower-case institution nouns that make "Peru's foreign ministry" an organization. */
export const INSTITUTIONS = words(`
  ministry parliament government cabinet embassy consulate senate congress army navy military
  police court judiciary legislature council commission central-bank
`);

/** Words that may precede an institution noun inside its name ("foreign ministry"). */
export const INSTITUTION_MODIFIERS = words(`
  foreign defense defence finance commerce trade interior justice health education energy
  agriculture economy culture information environment industry central supreme high constitutional
  national state federal security
`);

/** Function words and other words that never make a name on their own. */
export const STOPWORDS = words(`
  a an the and or but of in on at to for by with from as into onto over under about after before
  this that these those it its he she they we you i his her their our my your me him them
  is are was were be been being has have had do does did will would can could should may might
  must not no yes so if then than there here what which who whom whose when where why how all any
  each every some such only own same other another more most much many few very just also too
  mr mrs ms dr said says say new
`);

/**
 * Capitalized common nouns that end a phrase about a name rather than a name ("the Fabrikam
 * Deal", "the Contoso Plan"): the name is what comes before them.
 */
export const COMMON_HEADS = words(`
  deal deals talks plan plans proposal proposals bid offer pact sale takeover merger ban row
  dispute probe lawsuit
`);

/** Nouns that describe a company right before its name ("venture firm Acme Capital"). */
export const FIRM_NOUNS = words(`
  firm firms company companies group groups fund funds bank banks giant maker makers manufacturer
  lender insurer investor investors operator conglomerate startup start-up retailer carrier
`);

/** World regions in common use that the country data's regions and subregions leave out. */
const OTHER_REGIONS = [
  'asia-pacific', 'asia pacific', 'indo-pacific', 'middle east', 'near east', 'far east', 'global south',
  'global north', 'sub-saharan africa', 'latin america', 'balkans', 'baltics', 'caucasus', 'scandinavia',
  'sahel', 'horn of africa', 'levant', 'maghreb', 'southeast asia', 'south asia', 'east asia', 'north africa',
  'west africa', 'east africa', 'central africa', 'arctic', 'pacific islands',
];

let regions: { names: Set<string>; firsts: Set<string>; longest: number } | null = null;

/**
 * World regions, lower-cased ("middle east", "sub-saharan africa"): the regions and subregions
 * of the country data and the common others; the first word of each, and the most words.
 */
export function worldRegions(): { names: Set<string>; firsts: Set<string>; longest: number } {
  if (regions) return regions;
  const countries = createRequire(import.meta.url)('world-countries') as { region: string; subregion: string }[];
  const names = new Set(OTHER_REGIONS);
  for (const c of countries) for (const r of [c.region, c.subregion]) if (r) names.add(r.toLowerCase());
  const split = [...names].map((r) => r.split(' '));
  regions = { names, firsts: new Set(split.map((w) => w[0]!)), longest: Math.max(...split.map((w) => w.length)) };
  return regions;
}
