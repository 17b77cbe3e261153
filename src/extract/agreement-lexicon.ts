// Word lists for agreement extraction (src/extract/agreements.ts): general English, nothing of a
// particular article.

const set = (words: string) => new Set(words.trim().split(/\s*\n\s*|\s*,\s*/).filter(Boolean));

/**
 * Head nouns that name an agreement by themselves, with the class they belong to: an anaphor
 * ("the truce") refers back only to an agreement of a compatible class.
 */
export const strongHeads: Map<string, string> = new Map(
  Object.entries({
    agreement: 'agreement', agreements: 'agreement', pact: 'agreement', pacts: 'agreement', treaty: 'agreement',
    treaties: 'agreement', deal: 'agreement', deals: 'agreement', accord: 'agreement', accords: 'agreement',
    memorandum: 'agreement', memoranda: 'agreement', memorandums: 'agreement', mou: 'agreement', mous: 'agreement',
    'agreement-in-principle': 'agreement', settlement: 'agreement', settlements: 'agreement', contract: 'agreement',
    contracts: 'agreement', stipulation: 'agreement', stipulations: 'agreement',
    ceasefire: 'ceasefire', 'cease-fire': 'ceasefire', ceasefires: 'ceasefire', 'cease-fires': 'ceasefire', truce: 'ceasefire',
    truces: 'ceasefire', armistice: 'ceasefire',
    merger: 'merger', mergers: 'merger', acquisition: 'merger', acquisitions: 'merger', takeover: 'merger', takeovers: 'merger',
    'tie-up': 'merger', 'tie-ups': 'merger', buyout: 'merger',
  }),
);

/** Heads that make an agreement only with a proper name, named parties or a two-party compound. */
export const weakHeads: Map<string, string> = new Map(
  Object.entries({
    protocol: 'agreement', protocols: 'agreement', convention: 'agreement', conventions: 'agreement', charter: 'agreement',
    compact: 'agreement', understanding: 'agreement', arrangement: 'agreement', arrangements: 'agreement',
    partnership: 'project', partnerships: 'project', alliance: 'project', project: 'project', projects: 'project',
    initiative: 'project', initiatives: 'project', corridor: 'project', corridors: 'project', link: 'project', links: 'project',
    pipeline: 'project', pipelines: 'project', service: 'project', framework: 'agreement', roadmap: 'agreement',
    plan: 'project', programme: 'project', program: 'project', scheme: 'project', venture: 'merger', ventures: 'merger',
    declaration: 'agreement', communique: 'agreement', communiqué: 'agreement', statement: 'agreement', decree: 'agreement',
  }),
);

/** Modifiers that a weak head needs to be an agreement without a proper name ("joint venture", "consent decree"). */
export const weakHeadModifiers: Map<string, RegExp> = new Map([
  ['venture', /^joint$/i],
  ['ventures', /^joint$/i],
  ['decree', /^consent$/i],
  ['declaration', /^joint$/i],
]);

/**
 * Modifiers that say nothing about which agreement it is: status, size, praise, time-relative
 * words. They stay in the name but do not tell two agreements apart.
 */
export const stopModifiers = set(`
  is, was, are, were, be, been, has, have, had, will, would, new, brand-new, existing, such, other, same, previous, current,
  latest, first, last, whole, proposed, possible, potential, planned, tentative, final, formal, reported, so-called, alleged,
  reach, reached, reaching, won, win, wins, sign, signed, signing, struck, strike, agree, agreed, seal, sealed, broker,
  brokered, million, billion, trillion, thousand, hundred, ambitious, major, landmark, historic, important, key, big, bigger,
  biggest, huge, significant, good, better, best, bad, worse, worst, great, fair, unfair, terrible, lousy, sweet, beautiful,
  very, much, long-awaited, long-negotiated, long-term, short-term, peace, this, that, its, their, his, her, our, your, my,
  any, every, each, no, all, some, entire, full, whole, comprehensive, overall, actual, real, official, permanent,
  temporary, one, two, three, four, five, six, seven, eight, nine, ten, several, many, few, like
`);

/** Modifiers that set an agreement's scope: a "global agreement" is not the bilateral one. */
export const scopeModifiers = set('global, international, multilateral, bilateral, trilateral, worldwide, regional, interim, broader, wider');

/** Verbs whose subject makes or seeks an agreement that is their object ("X and Y signed a deal"). */
export const makingVerbs = set(`
  sign, signs, signed, signing, reach, reaches, reached, reaching, strike, strikes, struck, striking, seal, seals, sealed,
  sealing, agree, agrees, agreed, agreeing, approve, approves, approved, approving, ratify, ratifies, ratified, ratifying,
  ink, inks, inked, inking, clinch, clinches, clinched, conclude, concludes, concluded, finalise, finalised, finalize,
  finalized, finalizes, finalises, negotiate, negotiates, negotiated, negotiating, forge, forges, forged, hammer, hammered,
  score, scores, scored, announce, announces, announced, enter, entered, enters, complete, completes, completed, cut, cuts,
  unveil, unveiled, unveils, accept, accepts, accepted, endorse, endorsed, renew, renewed, renews, extend, extended,
  make, makes, made, get, gets, got, secure, secures, secured, land, lands, landed, want, wants, wanted, seek, seeks, sought,
  pursue, pursued, form, forms, formed, forming, create, creates, created, launch, launches, launched, ratifying, join, joins, joined, remain, remains, remained, stay, stays, stayed, withdraw, withdraws,
  withdrew, withdrawn, exit, exits, exited, quit, quits, leave, leaves, left, rejoin, rejoins, rejoined, re-enter, party, signatory,
  signatories, talks, discuss, discusses, discussed, discussing, negotiations, abide, abides, honour, honor, honoured, honored, honouring, honoring, breach, breached, breaking, broke, violate, violated, violating
`);

/** Words before "deal" (and similar words) that make it a verb: "to deal with", "will deal", "help deal". */
export const verbMarkers = set(`
  to, will, would, can, could, must, should, shall, may, might, 'll, ’ll, not, n't, cannot, help, helps, helped, helping,
  i, we, you, they, he, she, who, directly, effectively, needs, need, t, don't, doesn't, didn't, won't, can't
`);

/** Heads that are also verbs: a verb marker before them makes them the verb. */
export const verbalHeads = set('deal, deals, contract, contracts, link, links, plan, service, compact, settlement');

/** Verbs that state an acquisition or merger: "Acme will buy Borlo", "Acme agreed to acquire Borlo". */
export const acquisitionVerbs = new Map(
  Object.entries({
    buy: 'acquisition', buys: 'acquisition', bought: 'acquisition', buying: 'acquisition', acquire: 'acquisition',
    acquires: 'acquisition', acquired: 'acquisition', acquiring: 'acquisition', purchase: 'acquisition', purchases: 'acquisition',
    purchased: 'acquisition', merge: 'merger', merges: 'merger', merged: 'merger', merging: 'merger',
  }),
);

/** Collective subjects that can agree on something ("Ministers agreed to freeze tariffs"). */
export const collectiveSubjects = set(`
  ministers, leaders, countries, nations, states, governments, sides, parties, members, delegations, negotiators, companies,
  firms, unions, officials, lawmakers, senators, banks, producers, allies, partners, both, governors
`);

/** Phrases that refer to the two countries or sides named before: "the two sides discussed …". */
export const twoSides = /\b(both|the two) (countries|nations|sides|governments|states|leaders|delegations|parties)\b|\bthe delegations\b/i;

export const months = set('january, february, march, april, may, june, july, august, september, october, november, december');
export const weekdays = set('monday, tuesday, wednesday, thursday, friday, saturday, sunday');
