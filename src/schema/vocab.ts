// Values shared by extraction, the content schemas and the site: one definition each, with the
// words a reader sees for it.

/** What an actor is. */
export const actorKinds = ['person', 'country', 'organization', 'media', 'place'] as const;
export type ActorKind = (typeof actorKinds)[number];

/** Where an agreement stands, as an article states it. */
export const agreementStatuses = ['signed', 'planned', 'under negotiation', 'denied', 'in force', 'broken'] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

/** The content collections, one folder of `content/` each. */
export const collections = ['articles', 'actors', 'agreements', 'quotes'] as const;
export type Collection = (typeof collections)[number];

/** How a quote's speaker was found: each attribution rule of `src/extract/attribution/` and its label. */
export const attributionRules = {
  name: 'speaker named next to the reporting verb',
  role: 'speaker identified by their title or role',
  pronoun: 'a pronoun, resolved to the person it refers to',
  'pronoun-unresolved': 'a pronoun that could not be resolved',
  continuation: 'continues the previous quote into a new paragraph',
  split: 'the other half of a quote split by its reporting verb',
  floating: 'follows a quote of the same speaker',
  document: 'a document, attributed to whoever issued it',
  'unnamed-document': 'an unnamed document',
  'unnamed-source': 'an unnamed source',
  'organisation-noun': 'a body named by a common noun (“the ministry”)',
  'statement-before': 'introduced by the statement in the sentence before',
  'clause-subject': 'the subject of the sentence the quote is part of',
  'subject-before': 'the person the sentence before is about',
  colon: 'the name that introduces the quote with a colon',
  'relayed-by-outlet': 'relayed by a news outlet; the original speaker is not named',
  'unresolved-subject': 'the reporting verb’s subject is not a known actor',
  'no-cue': 'no reporting verb near the quote',
} as const;

export type AttributionRule = keyof typeof attributionRules;
export const attributionRuleIds = Object.keys(attributionRules) as [AttributionRule, ...AttributionRule[]];
