import { describe, expect, it } from 'vitest';
import { actorsInOrder, type LinkedMention, linkedMentions } from '../../../src/collection/merge/article-view.ts';

const m = (id: string, start: number, end: number, collection: LinkedMention['collection'] = 'actors'): LinkedMention => ({ collection, id, sentence: 0, start, end });

describe('the article view', () => {
  it('links mentions in reading order; of overlapping ones the first, and of two starting together the longer', () => {
    const linked = linkedMentions([m('england', 12, 19), m('bank-of-england', 4, 19), m('iran', 30, 34), m('bank', 4, 8), m('ann', 40, 43), m('accord', 17, 25, 'agreements')]);
    expect(linked.map((x) => x.id)).toEqual(['bank-of-england', 'iran', 'ann']);
  });

  it('breaks a tie between equal spans by collection, then id, whatever the input order', () => {
    const tied = [m('zed', 0, 5, 'agreements'), m('bob', 0, 5), m('amy', 0, 5)];
    expect(linkedMentions(tied).map((x) => x.id)).toEqual(['amy']);
    expect(linkedMentions([...tied].reverse()).map((x) => x.id)).toEqual(['amy']);
  });

  it('lists actors first mentioned first, then those the text never links', () => {
    expect(actorsInOrder([m('bob', 0, 3), m('accord', 5, 9, 'agreements'), m('ann', 10, 13), m('bob', 20, 23)], ['ann', 'bob', 'cy'])).toEqual(['bob', 'ann', 'cy']);
  });
});
