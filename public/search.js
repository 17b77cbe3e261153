// Search page: runs the Pagefind index built into /pagefind/ for ?q= (and ?type=) and lists the
// results. Result text is only ever inserted as text nodes (and <mark> for the matched words).
const params = new URLSearchParams(location.search);
const query = (params.get('q') ?? '').trim();
const type = params.get('type') ?? '';
const form = document.getElementById('search-form');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
form.q.value = query;
form.type.value = type;

/** The excerpt as text with its <mark>s, parsed in an inert document so nothing in it can run. */
function excerptNodes(html) {
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
  return [...doc.body.firstChild.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}

const pageSize = 10;
const more = document.getElementById('search-more');

function item(r) {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = r.url;
  a.textContent = r.meta.title ?? r.url;
  const kind = document.createElement('span');
  kind.className = 'kind';
  kind.textContent = ` ${(r.filters.type ?? []).join(', ')}`;
  const excerpt = document.createElement('p');
  excerpt.replaceChildren(...excerptNodes(r.excerpt));
  li.append(a, kind, excerpt);
  return li;
}

async function run() {
  if (!query) return;
  status.textContent = 'Searching…';
  const pagefind = await import('/pagefind/pagefind.js');
  // Short pages (a quote) should not outrank an actor's page for the actor's name just for being short.
  await pagefind.options({ ranking: { pageLength: 0.1, termSaturation: 1.2 } });
  const search = await pagefind.search(query, type ? { filters: { type } } : {});
  let shown = 0;
  const showMore = async () => {
    const next = await Promise.all(search.results.slice(shown, shown + pageSize).map((r) => r.data()));
    list.append(...next.map(item));
    shown += next.length;
    more.hidden = shown >= search.results.length;
    status.textContent = `${search.results.length} result${search.results.length === 1 ? '' : 's'} for “${query}”${type ? ` among ${type}s` : ''}${search.results.length > shown ? `, ${shown} shown` : ''}.`;
  };
  more.addEventListener('click', async () => {
    const first = shown;
    await showMore();
    list.children[first]?.querySelector('a')?.focus();
  });
  list.replaceChildren();
  await showMore();
}

run().catch((error) => {
  status.textContent = `Search is unavailable (${error.message}).`;
});
