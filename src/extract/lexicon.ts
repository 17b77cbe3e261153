// General lexicons of English news copy. Nothing here may name a person, quote or agreement
// of a particular article.
import { readFileSync } from 'node:fs';

const set = (words: string) => new Set(words.trim().split(/\s*\n\s*|\s*,\s*/).filter(Boolean));

/**
 * Lower-case English words: a capitalised word that is one of these may just open a sentence.
 * The words of an-array-of-english-words, one a line in code-unit order (scripts/gen-words.ts),
 * looked up by binary search over the file's text: no parsing at start-up.
 */
export const englishWords: Pick<ReadonlySet<string>, 'has'> = sortedLines(readFileSync(new URL('./data/english-words.txt', import.meta.url), 'latin1'));

function sortedLines(text: string): Pick<ReadonlySet<string>, 'has'> {
  return {
    has(word: string): boolean {
      let lo = 0; // start of the first line still in range
      let hi = text.length; // end of the range: a line start, or the end of the text
      while (lo < hi) {
        const start = text.lastIndexOf('\n', ((lo + hi) >>> 1) - 1) + 1;
        const end = text.indexOf('\n', start);
        const line = text.slice(start, end);
        if (line === word) return true;
        if (line < word) lo = end + 1;
        else hi = start;
      }
      return false;
    },
  };
}

/** Abbreviated titles written with a full stop before a name ("Gov. Ann Berg"): the stop ends no sentence. */
export const titleAbbreviations = [
  'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'St', 'Sen', 'Rep', 'Gov', 'Gen', 'Col', 'Capt', 'Lt', 'Sgt', 'Adm', 'Cmdr', 'Rev', 'Fr',
  'Hon', 'Pres', 'Supt', 'Insp', 'Amb', 'Atty', 'Msgr', 'Jr', 'Sr',
] as const;
/** Matches one of `titleAbbreviations` with its stop. */
export const titleAbbreviation = new RegExp(`\\b(?:${titleAbbreviations.join('|')})\\.`);

/** Reporting verbs in every form, mapped to their lemma. */
export const reportingVerbs: Map<string, string> = (() => {
  const lemmas: Record<string, string> = {
    say: 'says said saying', tell: 'tells told telling', add: 'adds added adding', note: 'notes noted noting',
    state: 'states stated stating', warn: 'warns warned warning', insist: 'insists insisted insisting',
    explain: 'explains explained explaining', claim: 'claims claimed claiming', argue: 'argues argued arguing',
    continue: 'continues continued continuing', reason: 'reasons reasoned reasoning', call: 'calls called',
    describe: 'describes described describing', promise: 'promises promised promising',
    recommend: 'recommends recommended recommending', report: 'reports reported reporting', write: 'writes wrote writing',
    read: 'reads', ask: 'asks asked asking', reply: 'replies replied replying', answer: 'answers answered',
    acknowledge: 'acknowledges acknowledged', admit: 'admits admitted admitting', announce: 'announces announced announcing',
    declare: 'declares declared declaring', urge: 'urges urged urging', suggest: 'suggests suggested suggesting',
    mention: 'mentions mentioned mentioning', comment: 'comments commented commenting', stress: 'stresses stressed stressing',
    emphasise: 'emphasises emphasised emphasized emphasizes', observe: 'observes observed', remark: 'remarks remarked',
    tweet: 'tweets tweeted tweeting', post: 'posted', quip: 'quipped', predict: 'predicts predicted',
    concede: 'concedes conceded', confirm: 'confirms confirmed confirming', deny: 'denies denied denying',
    assert: 'asserts asserted', maintain: 'maintains maintained', contend: 'contends contended', cite: 'cites cited citing',
    quote: 'quoted', recall: 'recalls recalled recalling', believe: 'believes believed',
    indicate: 'indicated', agree: 'agreed', vow: 'vows vowed', pledge: 'pledged', respond: 'responds responded responding',
    exclaim: 'exclaimed', whisper: 'whispered', shout: 'shouted', joke: 'joked', boast: 'boasted',
    complain: 'complains complained complaining', criticise: 'criticised criticized', praise: 'praised',
    accuse: 'accused', thank: 'thanked', defend: 'defended defending', welcome: 'welcomed', conclude: 'concluded concludes',
    elaborate: 'elaborated', point: 'pointed', caution: 'cautioned', hail: 'hailed', label: 'labelled labeled', brand: 'branded',
    term: 'termed', dub: 'dubbed', put: 'put', suspect: 'suspects',
    proclaim: 'proclaims proclaimed', mock: 'mocks mocked', scoff: 'scoffs scoffed', lament: 'laments lamented',
    muse: 'muses mused', counter: 'counters countered', retort: 'retorts retorted', recount: 'recounts recounted',
    testify: 'testifies testified', reiterate: 'reiterates reiterated', allege: 'alleges alleged', affirm: 'affirms affirmed',
    assure: 'assures assured', demand: 'demands demanded', plead: 'pleads pleaded', interject: 'interjected',
    yell: 'yelled', mutter: 'muttered', snap: 'snapped', gush: 'gushed', marvel: 'marveled marvelled', fume: 'fumed',
    wonder: 'wonders wondered', speculate: 'speculates speculated', underscore: 'underscores underscored',
    clarify: 'clarified', concur: 'concurred', protest: 'protested', object: 'objected', opine: 'opined', tout: 'touts touted',
    crow: 'crowed', grumble: 'grumbled', hint: 'hinted', thunder: 'thundered', gloat: 'gloated', posit: 'posits posited',
    summarise: 'summarised summarized', remind: 'reminded', inform: 'informed',
  };
  const map = new Map<string, string>();
  for (const [lemma, forms] of Object.entries(lemmas)) for (const f of forms.split(' ')) map.set(f, lemma);
  return map;
})();

/** Verbs with which an outlet passes on someone else's words: the outlet is not the speaker. */
export const relayVerbs = set('cited, citing, quoted, cites');

/** Courtesy titles, with the gender they imply. */
export const honorifics: Map<string, 'male' | 'female' | null> = new Map([
  ['Mr', 'male'], ['Mr.', 'male'], ['Mister', 'male'], ['Sir', 'male'], ['Lord', 'male'], ['Mrs', 'female'], ['Mrs.', 'female'],
  ['Ms', 'female'], ['Ms.', 'female'], ['Miss', 'female'], ['Madam', 'female'], ['Dame', 'female'], ['Lady', 'female'],
  ['Dr', null], ['Dr.', null], ['Prof', null], ['Prof.', null], ['Professor', null], ['Rev', null], ['Rev.', null],
  ['Sheikh', 'male'], ['Sen.', null], ['Rep.', null], ['Gov.', null], ['Gen.', null], ['Col.', null], ['Capt.', null],
  ['Lt.', null], ['Sgt.', null], ['Adm.', null], ['Amb.', null], ['Fr.', 'male'], ['Father', 'male'], ['Sister', 'female'],
]);

/** Words that make up titles and roles ("Prime Minister", "Shadow Home Secretary", "chief executive"). */
export const titleWords = set(`
  president, vice, prime, minister, ministers, secretary, chancellor, ambassador, envoy, consul, premier, king, queen, prince, princess,
  emperor, pope, cardinal, bishop, archbishop, imam, ayatollah, rabbi, pastor, father, senator, congressman, congresswoman,
  representative, governor, mayor, deputy, undersecretary, under-secretary, chairman, chairwoman, chair, chairperson, director,
  chief, executive, administrator, ceo, cfo, coo, founder, co-founder, head, leader, spokesman, spokeswoman, spokesperson, commissioner,
  general, admiral, colonel, captain, commander, lieutenant, sergeant, officer, judge, justice, attorney, prosecutor, lawyer,
  barrister, solicitor, professor, researcher, scientist, doctor, economist, analyst, campaigner, activist, counsel, adviser,
  advisor, aide, official, inspector, superintendent, sheriff, councillor, councilor, mp, mep, lawmaker, legislator, speaker,
  shadow, home, foreign, defence, defense, finance, economy, economic, trade, industry, health, education, interior, justice,
  energy, oil, environment, transport, labour, labor, agriculture, culture, sports, treasury, state, affairs, development,
  senior, junior, first, second, acting, interim, former, general, principal, associate, assistant, managing, national, security,
  communications, press, public, international, regional, party, opposition, union, teacher, negotiator, manager, editor,
  correspondent, reporter, author, owner, coach, player, striker, captain, star, candidate, nominee, delegate, diplomat,
  commissioner, regulator, auditor, treasurer, ombudsman, registrar, dean, rector, provost, curator, warden, governor-general,
  secretary-general, secretary general, undersecretary, director-general, president-elect, vice-president, lord, baroness, dame,
  democrat, republican, conservative, liberal, socialist, independent, front-runner, frontrunner, hopeful, incumbent, challenger
`);

/** Head nouns of titles: the word a role phrase ("the Kenyan ambassador") is about. */
export const titleHeads = set(`
  president, minister, secretary, chancellor, ambassador, envoy, consul, premier, king, queen, prince, princess, pope, senator,
  governor, mayor, deputy, undersecretary, chairman, chairwoman, chair, director, chief, executive, ceo, founder, head, leader,
  spokesman, spokeswoman, spokesperson, administrator, commissioner, general, admiral, colonel, captain, commander, judge, justice, attorney,
  prosecutor, lawyer, barrister, professor, researcher, scientist, economist, analyst, campaigner, activist, adviser, advisor,
  aide, official, councillor, lawmaker, speaker, negotiator, manager, editor, correspondent, author, owner, coach, candidate,
  diplomat, counterpart, treasurer, dean, secretary-general, director-general, vice-president, chairperson, spokesperson
`);

/** People who act for a body: "members of the union" is the union when it signs or speaks. */
export const memberNouns = set(`
  members, member, leaders, leadership, officials, representatives, delegates, delegation, negotiators, envoys, heads, lawyers,
  employees, workers, staff, shareholders, executives, board
`);

/** Sources the text leaves unnamed: a subject with one of these heads and no name is nobody in particular. */
export const unnamedSourceHeads = set(`
  official, officials, source, sources, spokesperson, spokesman, spokeswoman, aide, aides, diplomat, diplomats, analyst, analysts,
  observer, observers, expert, experts, critic, critics, resident, residents, witness, witnesses, researcher, researchers,
  author, authors, insider, insiders, person, people, member, members, mps, lawmakers, parliamentarians, statement, report,
  letter, document, memo, study, survey, motion, note, colleague, colleagues, someone, one, another, others, representative,
  representatives, executive, executives, worker, workers, activist, activists, protester, protesters, doctor, doctors,
  teacher, teachers, student, students, official's, officer, officers, minister, ministers, trader, traders, dealer, dealers,
  banker, bankers, economist, economists, investor, investors, campaigners, groups, group, police, prosecutors, organisers, organizers
`);

/** Documents: "a letter … says" speaks for whoever issued it, not for the outlet that saw it. */
export const documentNouns = set('letter, statement, report, document, memo, memorandum, form, notice, guidance, release, communique, communiqué, study, survey, paper, email, message, post, tweet, filing, ruling, judgment, judgement, motion, petition, declaration');

/** Function words that, capitalised, only open a sentence. */
export const functionWords = set(`
  a, an, the, this, that, these, those, it, its, he, she, his, her, they, their, them, we, our, us, you, your, i, my, me,
  in, on, at, by, for, from, with, without, to, of, as, after, before, during, since, until, while, whilst, when, where, why,
  how, what, which, who, whom, whose, if, but, and, or, nor, so, yet, also, however, although, though, because, meanwhile,
  moreover, furthermore, instead, still, then, thus, there, here, now, today, yesterday, tomorrow, according, asked, told,
  under, over, about, against, among, between, into, through, across, despite, within, unlike, like, both, all, some, many,
  most, more, other, another, each, every, no, not, only, even, just, almost, nearly, several, few, one, two, three, four,
  nobody, somebody, anybody, everybody, someone, anyone, everyone, nothing, something, everything, anything,
  five, six, seven, eight, nine, ten, last, next, first, second, third, earlier, later, once, such, either, neither, around,
  up, down, out, off, above, below, near, per, via, amid, toward, towards, upon, indeed, perhaps, maybe, nevertheless, yes
`);

export const weekdays = set('Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday');
export const months = set('January, February, March, April, May, June, July, August, September, October, November, December, Jan, Feb, Mar, Apr, Jun, Jul, Aug, Sep, Sept, Oct, Nov, Dec');

/** Inner words allowed inside a proper name ("Union of Rationalist Atheists and Agnostics", "Abu Bakr al-Baghdadi"). */
export const nameConnectors = set('of, for, and, the, de, del, della, di, da, do, dos, das, du, des, la, le, van, von, der, den, al, el, bin, ibn, y, &');
export const surnameParticles = set('de, del, della, di, da, do, dos, das, du, des, la, le, van, von, der, den, al, el, bin, ibn, ter, ten');

/** Well-known news outlets (general knowledge). */
export const mediaNames = set(`
  Reuters, Reuter, Associated Press, AP, AFP, Agence France-Presse, Bloomberg, BBC, BBC News, BBC World Service, CNN, Fox News,
  MSNBC, CNBC, NBC, NBC News, ABC, ABC News, CBS, CBS News, NPR, PBS, Sky News, GB News, ITV, ITV News, Channel 4, Channel 4 News,
  The Guardian, Guardian, The Observer, The Times, The Sunday Times, The Telegraph, Daily Telegraph, Financial Times, The Economist,
  The Independent, Daily Mail, Mail on Sunday, The Sun, Daily Mirror, The Mirror, Evening Standard, The Scotsman, The Herald,
  New York Times, The New York Times, Washington Post, The Washington Post, Wall Street Journal, The Wall Street Journal, USA Today,
  Los Angeles Times, Politico, Axios, The Atlantic, The New Yorker, Time, Newsweek, Al Jazeera, Al Arabiya, Xinhua, TASS, RIA Novosti,
  Interfax, RT, Sputnik, IRNA, ISNA, Fars, Tasnim, Press TV, Kyodo, NHK, Yonhap, KCNA, Anadolu, Deutsche Welle, DW, Der Spiegel,
  Le Monde, Le Figaro, El País, Corriere della Sera, La Repubblica, ANSA, EFE, dpa, Times of India, The Hindu, Dawn, Haaretz,
  Jerusalem Post, Times of Israel, South China Morning Post, Global Times, China Daily, People's Daily, CCTV, Nikkei, Asahi Shimbun,
  Yomiuri Shimbun, Sydney Morning Herald, The Age, The Australian, ABC Radio, CBC, CTV, Globe and Mail, Toronto Star, Wikinews,
  Global Voices, Euronews, France 24, Radio Free Europe, Voice of America, VOA, Bild, Le Parisien, The Hill, Vox, BuzzFeed News,
  HuffPost, Huffington Post, Vice, Vice News, TechCrunch, Wired, The Verge, Daily Beast, Forbes, Fortune, Business Insider,
  The i, i newspaper, Metro, The National, Gulf News, Arab News, Khaleej Times
`);

/** Words that end a media outlet's name ("… News", "… Times"), or open it ("TV …", "Radio …"). */
export const mediaHeads = set('News, Times, Post, Journal, Herald, Gazette, Tribune, Telegraph, Guardian, Observer, Chronicle, Daily, Weekly, Magazine, Mail, Express, Mirror, Star, Sun, Courier, Examiner, Inquirer, Standard, Record, Review, Bulletin, Press, Radio, Television, TV, Broadcasting, Channel, Wire, Shimbun, Ilbo');
export const mediaOpeners = set('TV, Radio, Channel');

/** Common nouns that introduce an outlet's name ("the magazine X", "state media X", "news agency X"). */
export const mediaNouns = set('magazine, newspaper, paper, tabloid, broadsheet, daily, weekly, broadcaster, channel, outlet, media, agency, news agency, website, site, blog, radio, station, network, wire, journal, publication');

/** Common nouns that introduce an organisation's name ("the company, X,"). */
export const organizationNouns = set('company, firm, group, bank, party, charity, organisation, organization, union, association, agency, body, regulator, giant, conglomerate, carrier, airline, manufacturer, producer, operator, insurer, retailer, startup, start-up, movement, alliance, coalition, militia, club, team, network, foundation, institute, university, school, hospital, council, ministry, department, court, corporation, business, consortium, fund, watchdog, broadcaster, utility');

/** Words that end an organisation's name. */
export const organizationHeads = set(`
  Ministry, Department, Office, Council, Committee, Commission, Court, Forum, Assembly, Parliament, Congress, Senate, Union,
  Party, Church, Conference, Association, Organisation, Organization, Agency, Bank, Fund, Group, Company, Corporation, Corp,
  PLC, Plc, Inc, Ltd, LLC, AG, SA, GmbH, University, College, Institute, Centre, Center, Board, Authority, Service, Services,
  Police, Army, Navy, Force, Forces, Guard, Government, Cross, Crescent, Exchange, Secretariat, Movement, Front, League, Society,
  Foundation, Trust, Federation, Alliance, Coalition, Administration, Bureau, Cabinet, Tribunal, Directorate, Command,
  Network, Industries, Holdings, Airlines, Airways, Motor, Motors, Research, Systems, Energy, Aid, Oil, Gas, Power, Pharma,
  Pharmaceuticals, Capital, Partners, Foods, Steel, Mining, Telecom, Insurance, Logistics, Shipping, Electric, Petroleum, Chemicals,
  Investments, Ventures, Brands, Entertainment, Studios, Records, Technologies, Labs, Laboratories, Hospital, School,
  Academy, Museum, Library, Institution, Council, Caucus, Chamber, Regiment, Brigade, Squad, Club, Team, Network, Panel,
  Observatory, Programme, Program, Initiative, Project, Campaign, Watch, Unit, Taskforce, Mission, Delegation, Commission,
  Municipality, Region, Republic, Kingdom, Emirate, Cooperative, Partnership, Consortium, Group, Standards, Nations, Bloc,
  Reserve, Conservatives, Democrats, Republicans, Greens, Labour, Community, Communities, Secretariat, Church,
  Workers, Teamsters, Steelworkers, Mineworkers, Machinists, Employees, Teachers, Nurses, Farmers
`);

/** Words after a company's short name ("Harlow Shipping Group", "Acme Motors"): the short name alone is the company too. */
export const corporateSuffixes = set('Motor, Motors, Company, Co, Corp, Corporation, Inc, Group, Holdings, Industries, Airlines, Airways, Enterprises, Ltd, PLC, Plc, LLC, AG, SA, GmbH');

/** Words that open an organisation's name ("Ministry of …", "University of …"). */
export const organizationOpeners = set('Ministry, Department, Bureau, Administration, Authority, Service, University, Municipality, Union, Council, Office, Bank, Institute, Court, Board, Commission, Committee, Federation, Association, Organisation, Organization, House, Chamber, Church, Party, Society, League, Academy, Agency, Government, Secretariat, Embassy, Consulate, Conference, Museum, College, School, Supreme, Federal, Central, Royal, National');

/** Well-known organisations without a telling head word (general knowledge). */
export const organizationNames = set(`
  UN, United Nations, EU, European Union, NATO, OPEC, Opec, WHO, IMF, World Bank, WTO, OECD, ASEAN, BRICS, G7, G20, G8,
  African Union, Arab League, Interpol, Europol, UNESCO, UNICEF, UNHCR, UNRWA, FIFA, UEFA, IOC, Red Cross, Red Crescent,
  Amnesty International, Human Rights Watch, Greenpeace, Oxfam, White House, Kremlin, Pentagon, Downing Street, Whitehall,
  Capitol Hill, Elysee, Élysée, Knesset, Duma, Bundestag, Hamas, Hezbollah, Taliban, Labour, Conservatives, Tories, Democrats,
  Republicans, Likud, Fatah, Rosneft, Aramco, Google, Apple, Microsoft, Amazon, Meta, Facebook, Twitter, Tesla, Boeing,
  Airbus, Toyota, Samsung, Huawei, Shell, BP, Exxon, ExxonMobil, Chevron, NASA, FBI, CIA, NSA, MI5, MI6, KGB, FSB, IAEA, ICC, ICJ,
  EC, European Commission, European Parliament, Home Office, Foreign Office, Treasury, Vatican, Holy See, Scotland Yard, Met Police,
  NHS, Ofcom, Ofsted, SEC, FDA, CDC, EPA, Fed, Federal Reserve, Bank of England, ECB, Wikimedia, Wikipedia, Mossad, IDF, IRGC
`);

/** Words heading an agreement's name. */
export const agreementHeads = set(`
  agreement, agreements, pact, pacts, treaty, treaties, deal, deals, accord, accords, memorandum, memoranda, mou, protocol,
  protocols, partnership, partnerships, corridor, corridors, project, projects, initiative, initiatives, ceasefire, cease-fire,
  truce, armistice, contract, contracts, convention, conventions, charter, compact, alliance, framework, roadmap, road map,
  arrangement, arrangements, understanding, plan, programme, program, declaration, communique, communiqué, statement, scheme
`);

/** Of those, the heads that only make an agreement together with a proper name or parties. */
export const weakAgreementHeads = set('partnership, partnerships, project, projects, initiative, initiatives, alliance, framework, roadmap, road map, arrangement, arrangements, understanding, plan, programme, program, declaration, communique, communiqué, statement, scheme, contract, contracts, charter');

/** Institutions named by their head word alone ("Government", "Parliament"): whose they are depends on the article. */
export const isGenericInstitution = (name: string) =>
  /^(the\s+)?(government|parliament|senate|congress|cabinet|ministry|court|supreme court|police|army|navy|military|administration|treasury|council|assembly|opposition)$/i.test(name);
