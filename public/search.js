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

async function run() {
  if (!query) return;
  status.textContent = 'Searching…';
  const pagefind = await import('/pagefind/pagefind.js');
  const search = await pagefind.search(query, type ? { filters: { type } } : {});
  const results = await Promise.all(search.results.slice(0, 30).map((r) => r.data()));
  list.replaceChildren(
    ...results.map((r) => {
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
    }),
  );
  status.textContent = `${search.results.length} result${search.results.length === 1 ? '' : 's'} for “${query}”${type ? ` among ${type}s` : ''}.`;
}

run().catch((error) => {
  status.textContent = `Search is unavailable (${error.message}).`;
});
