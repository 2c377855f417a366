/* The edition's search: Pagefind's index (build_tools/publish/search.py) in Material's search
   box, which this script writes into the header.

   Each result shows its title, its kind (article, entity, glossary term, page) and the
   sentence found, words marked; an entity or a term, its description; an article, one
   sub-result per paragraph found, which opens the article at that paragraph (#pN). Nothing
   leaves the site: the index is served with it, under the same path. The texts a reader
   reads are French, in this file as in the templates. */
(() => {
  "use strict";

  // The dialog, in Material's markup and classes, so that it looks like Material's search in the
  // header, light and dark, but without data-md-component="search": this script runs it on
  // Pagefind's index, not Material's. Written here rather than into every page, where it served
  // only this script: it was 1.9 KB of each page, 6 MB of an edition of 600 articles. Material's
  // own scripts start their components on DOMContentLoaded, after this one has run.
  const icon = (path) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="${path}"/></svg>`;
  const MAGNIFY = "M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 " +
    "6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5";
  const BACK = "M20 11v2H8l5.5 5.5-1.42 1.42L4.16 12l7.92-7.92L13.5 5.5 8 11z";
  const CLEAR = "M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z";
  const DIALOG = `<div class="md-search" role="dialog" aria-label="Recherche dans l’édition" data-recherche>
  <label class="md-search__overlay" for="__search"></label>
  <div class="md-search__inner" role="search">
    <form class="md-search__form" name="search">
      <input type="text" class="md-search__input" name="query" aria-label="Rechercher dans l’édition"
             placeholder="Rechercher" autocapitalize="off" autocorrect="off" autocomplete="off" spellcheck="false"
             aria-controls="recherche-resultats" aria-describedby="recherche-etat" data-recherche-champ>
      <label class="md-search__icon md-icon" for="__search">${icon(MAGNIFY)}${icon(BACK)}</label>
      <nav class="md-search__options" aria-label="Recherche">
        <button type="reset" class="md-search__icon md-icon" title="Effacer" aria-label="Effacer la recherche"
                tabindex="-1">${icon(CLEAR)}</button>
      </nav>
    </form>
    <div class="md-search__output">
      <div class="md-search__scrollwrap" tabindex="0" data-md-scrollfix>
        <div class="md-search-result">
          <details class="recherche-filtres" data-recherche-filtres>
            <summary>Filtrer les résultats</summary>
            <div></div>
          </details>
          <div class="md-search-result__meta" id="recherche-etat" role="status" aria-live="polite"
               data-recherche-etat>Tapez un mot ou une expression</div>
          <ol class="md-search-result__list" id="recherche-resultats" aria-label="Résultats" data-recherche-liste></ol>
          <button type="button" class="recherche-plus" hidden data-recherche-plus></button>
        </div>
      </div>
    </div>
  </div>
</div>`;

  // The header's search button (templates/theme/partials/header.html), and the toggle Material
  // opens the search with.
  const opener = document.querySelector("label.md-header__button[for='__search']");
  const toggle = document.getElementById("__search");
  if (!opener || !toggle) return;
  opener.insertAdjacentHTML("afterend", DIALOG);
  const dialog = opener.nextElementSibling;
  const field = dialog.querySelector("[data-recherche-champ]");
  const form = field.form;
  const list = dialog.querySelector("[data-recherche-liste]");
  const status = dialog.querySelector("[data-recherche-etat]");
  const filterBox = dialog.querySelector("[data-recherche-filtres]");
  const more = dialog.querySelector("[data-recherche-plus]");

  // Results shown at first, and each time the reader asks for more: a phone's screen holds
  // about three, a wide one five, and each result shown downloads its page's text.
  const RESULTS = 5;
  const PARAGRAPHS = 3;      // paragraphs shown under an article
  const EXCERPT = 24;        // words of an excerpt
  // From the last key to the search: long enough that a reader typing a word does not fetch
  // the results of each of its beginnings, short enough to answer within 300 ms (BENCHMARKS.md).
  const WAIT_MS = 120;
  const FILTERS = ["Type", "Catégorie", "Article", "Source"];  // as the theme names them, in this order
  const PARAGRAPH_ID = /^p\d+$/;
  const INLINE = /^(a|abbr|b|code|em|i|input|label|mark|small|span|strong|sub|sup|time)$/i;  // inside a paragraph

  // The site's root, from the configuration Material writes into every page.
  const config = JSON.parse(document.getElementById("__config")?.textContent || "{}");
  // Relative ("../..") on a page, absolute ("/edition/") on the 404 page, which has no place of its own.
  const base = config.base || ".";
  const root = new URL(base.endsWith("/") ? base : `${base}/`, location.href);

  let engine = null;
  let searchId = 0;
  let chosen = {};
  let wanted = [];  // the beginnings of the query's words that matter: see prefixes()

  // Pagefind reads "l’OTAN" as one word: the index holds the text with a space after each
  // elided word ("l’ OTAN"), the query is split the same way, and the text is shown as written.
  const ELIDED = "(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)['’]";
  const splitElisions = (text) =>
    text.replace(new RegExp(`(^|[^\\p{L}\\p{N}’'])(${ELIDED})(?=[\\p{L}\\p{N}])`, "giu"), "$1$2 ");
  const joinElisions = (text) =>
    text.replace(new RegExp(`(^|[^\\p{L}\\p{N}’'])(${ELIDED}) (?=[\\p{L}\\p{N}])`, "giu"), "$1$2");
  const elidedWord = new RegExp(`(?:^|[^\\p{L}\\p{N}])${ELIDED}$`, "iu");

  const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

  // A large edition's index is in parts (build_tools/publish/search.py): the first in pagefind/,
  // the others in the folders pagefind/parties.json names, with the filter that marks what no
  // result shows. Each part is searched by a worker of its own (recherche-partie.js), all at
  // once, and their results are ranked together by Pagefind's score, as Pagefind ranks the
  // parts it merges itself (mergeIndex), one after the other in a single worker.
  let hidden = {};
  let searches = 0;
  function part(bundle, folder) {
    const thread = new Worker(new URL("assets/javascripts/recherche-partie.js", root), { type: "module" });
    const waiting = new Map();
    let next = 0;
    thread.addEventListener("message", ({ data: { id, result, error } }) => {
      const { resolve, reject } = waiting.get(id);
      waiting.delete(id);
      if (error === undefined) resolve(result); else reject(new Error(error));
    });
    const call = (method, ...args) => new Promise((resolve, reject) => {
      waiting.set(++next, { resolve, reject });
      thread.postMessage({ id: next, method, args });
    });
    const ready = call("init", { bundle: bundle.pathname, folder: folder.pathname, baseUrl: root.pathname, excerptLength: EXCERPT });
    return (method, ...args) => ready.then(() => call(method, ...args));
  }
  function load() {
    if (!engine) {
      const bundle = new URL("pagefind/", root);
      const first = part(bundle, bundle);  // started while the list of the others comes
      engine = fetch(new URL("parties.json", bundle)).then((r) => (r.ok ? r.json() : {}), () => ({}))
        .then(({ parties = [], sauf = {} }) => {
          hidden = sauf;
          const parts = [first, ...parties.map((folder) => part(bundle, new URL(folder, bundle)))];
          const all = (method, ...args) => Promise.all(parts.map((one) => one(method, ...args)));
          return {
            preload: (term, options) => all("preload", term, options),
            // Each filter's values with their pages, counted in all the parts.
            async filters() {
              const merged = {};
              for (const filters of await all("filters")) {
                for (const [name, values] of Object.entries(filters)) {
                  merged[name] ??= {};
                  for (const [value, count] of Object.entries(values)) merged[name][value] = (merged[name][value] || 0) + count;
                }
              }
              return merged;
            },
            // Pagefind's answer, as the page uses it: the results, best first, each with its data
            // to fetch (null if a newer search has begun).
            async search(term, options) {
              const number = ++searches;
              const scores = await all("search", number, term, options);
              const results = scores.flatMap((list, at) => list.map((score, rank) => ({ at, rank, score })))
                .sort((a, b) => b.score - a.score);
              return {
                results: results.map(({ at, rank, score }) => ({
                  score, data: () => parts[at]("data", number, rank),
                })),
              };
            },
          };
        });
    }
    return engine;
  }
  // The filters a query is searched with: the reader's, and never what no result shows.
  const filtersOf = () => (Object.keys(hidden).length ? { ...chosen, not: hidden } : chosen);

  /* ---- Opening and closing ------------------------------------------------------------ */

  function open() {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    load();
    field.focus();
  }

  function close() {
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
    field.blur();
  }

  toggle.addEventListener("change", () => {
    if (toggle.checked) {
      load();
      setTimeout(() => field.focus(), 0);
    }
  });
  field.addEventListener("focus", () => { if (!toggle.checked) open(); });

  document.addEventListener("keydown", (event) => {
    const typing = event.target instanceof HTMLElement &&
      (event.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName));
    if (!toggle.checked) {
      if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && (event.key === "/" || event.key === "s")) {
        event.preventDefault();
        open();
      }
      return;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const links = [...list.querySelectorAll("a"), ...(more.hidden ? [] : [more])];
      if (!links.length) return;
      event.preventDefault();
      const at = links.indexOf(document.activeElement);
      const next = event.key === "ArrowDown"
        ? (at < 0 ? 0 : Math.min(at + 1, links.length - 1))
        : at - 1;
      if (next < 0) field.focus(); else links[next].focus();
    }
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = list.querySelector("a");
    if (first) location.href = first.href;
  });
  form.addEventListener("reset", () => setTimeout(() => { render(null, ""); field.focus(); }, 0));

  /* ---- Filters --------------------------------------------------------------------------- */

  // Loaded when the reader opens them: the list of articles is long in a large edition, and
  // the first query need not wait for it.
  filterBox.addEventListener("toggle", () => { if (filterBox.open) showFilters(); });
  let filtersShown = false;
  async function showFilters() {
    if (filtersShown) return;
    filtersShown = true;
    const pagefind = await load();
    const all = await pagefind.filters();
    filterBox.querySelector("div").replaceChildren(...FILTERS.filter((name) => all[name]).map((name) => {
      const label = document.createElement("label");
      label.className = "recherche-filtre";
      const select = document.createElement("select");
      select.name = name;
      select.append(new Option(`${name} : tous`, ""));
      for (const value of Object.keys(all[name]).sort((a, b) => a.localeCompare(b, "fr"))) {
        select.append(new Option(joinElisions(value), value));
      }
      select.addEventListener("change", () => {
        if (select.value) chosen[name] = select.value; else delete chosen[name];
        run();
      });
      label.append(select);
      select.setAttribute("aria-label", `Filtrer par ${name.toLowerCase()}`);
      return label;
    }));
  }

  /* ---- Searching ------------------------------------------------------------------------ */

  // While the reader types, Pagefind fetches the part of its index the word will need.
  let timer = 0;
  field.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, WAIT_MS);
    // Not before the word typed has three letters (the index's parts for "m" are those of all
    // its words that begin with an m), nor for a small word, which the query may leave out.
    const words = meaningful(field.value.trim());
    if (words.length && words.at(-1).replace(/[^\p{L}\p{N}]/gu, "").length >= 3) {
      load().then((pagefind) => pagefind.preload(words.join(" "), { filters: filtersOf() }));
    }
  });

  // The search shown: its results, and how many of them are on the screen.
  let current = null;

  async function run() {
    const query = field.value.trim();
    const id = ++searchId;
    if (!query) {
      render(null, "");
      return;
    }
    const pagefind = await load();
    wanted = prefixes(query);
    const search = await pagefind.search(asked(query), { filters: filtersOf() });
    if (id !== searchId) return;
    const shown = await Promise.all(search.results.slice(0, RESULTS).map((r) => r.data()));
    if (id !== searchId) return;
    current = { id, results: search.results, shown: shown.length };
    render(byName(shown, query), query, search.results.length);
  }

  // The next results, after those shown; the keyboard goes on from the first of them.
  more.addEventListener("click", async () => {
    const search = current;
    if (!search || search.id !== searchId) return;
    const next = await Promise.all(search.results.slice(search.shown, search.shown + RESULTS).map((r) => r.data()));
    if (search !== current || search.id !== searchId) return;
    search.shown += next.length;
    const items = next.map(item);
    list.append(...items);
    counted(search.results.length, search.shown);
    if (items.length) items[0].querySelector("a").focus();
  });

  // A text compared as a reader means it: no accents, no case, either apostrophe, no elision first.
  const plain = (text) => joinElisions(text).normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()
    .replace(/’/g, "'").replace(new RegExp(`^${ELIDED}`, "iu"), "").replace(/\s+/g, " ").trim();
  // Pagefind finds every word that begins like a word of the query ("des" finds "de", "deux",
  // "détestent"): the excerpts mark, and the paragraphs are chosen by, the words that begin like
  // a word of the query that is not a small grammatical word, a few letters of inflection aside.
  const SMALL = new Set(("a à au aux avec ce ces c d dans de des du en et il ils elle elles j l la le les leur " +
    "leurs m n ne ni ou où par pas pour qu que qui s sa se ses son sur t un une y").split(" "));
  function prefixes(query) {
    return plain(query).split(/[^\p{L}\p{N}]+/u).filter((w) => w && !SMALL.has(w))
      .map((w) => w.slice(0, Math.max(3, w.length - 2)));
  }
  // What Pagefind is asked: the query without its small grammatical words, which nearly every
  // page holds, so that they hardly change the pages found or their order, but which Pagefind
  // would fetch and rank in every page ("de la Chine" at 5,000 articles: 640–750 ms from the
  // last key to the results with them, 170–180 ms without; BENCHMARKS.md); all of it when it is
  // only such words, or a phrase in quotes.
  const small = (word) => {
    const text = plain(word);  // "" for an elided word ("l’"); "m." for "M."
    return !/[\p{L}\p{N}]/u.test(text) || SMALL.has(text);
  };
  const meaningful = (query) => splitElisions(query).split(/\s+/).filter((word) => word && !small(word));
  function asked(query) {
    const text = splitElisions(query);
    const words = meaningful(query);
    return /^\s*".+"\s*$/.test(text) || !words.length ? text : words.join(" ");
  }
  const bare = (word) => plain(word).replace(/^[^\p{L}\p{N}]+/u, "");
  const relevant = (word) => !wanted.length || wanted.some((p) => bare(word).startsWith(p));
  const covered = (words, hits) =>
    new Set(hits.flatMap((l) => wanted.filter((p) => bare(words[l] || "").startsWith(p)))).size;

  // A query that is the name of an entity or a term, or one of its other forms ("OTAN",
  // "Occident"), shows that entity or term first; Pagefind's order stays for the rest. The
  // small words aside, as the query is asked: "la Chine" names la Chine.
  const nameKey = (text) => meaningful(text).map(plain).join(" ") || plain(text);
  function byName(results, query) {
    const key = nameKey(query);
    const named = (data) => (data.meta.names || "").split(" | ").some((name) => nameKey(name) === key);
    return [...results.filter(named), ...results.filter((data) => !named(data))];
  }

  /* ---- Showing --------------------------------------------------------------------------- */

  // The page's words around the positions found, those marked, in a window of EXCERPT words.
  function excerpt(words, start, end, hits) {
    const first = hits.length ? hits[0] : start;
    let from = Math.max(start, Math.min(first - 6, end - EXCERPT));
    const to = Math.min(end, from + EXCERPT);
    from = Math.max(start, from);
    const marked = new Set(hits);
    let out = "";
    for (let i = from; i < to; i++) {
      const word = words[i] || "";
      if (marked.has(i)) {  // the word marked, not the punctuation around it: «<mark>découplage</mark>»
        const [, before, core, after] = word.match(/^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u);
        out += `${escapeHtml(before)}<mark>${escapeHtml(core)}</mark>${escapeHtml(after)}`;
      } else {
        out += escapeHtml(word);
      }
      out += elidedWord.test(word) ? "" : " ";
    }
    // No space before a comma or a full stop: the note calls left out of the index leave one.
    return (from > start ? "… " : "") + out.trim().replace(/ ([,.)])/g, "$1") + (to < end ? " …" : "");
  }

  // The paragraphs (#pN) of a page that hold the words searched, each with its excerpt.
  // The page's words, as Pagefind counts them for its locations.
  const wordsOf = (data) => (data.content || "").split(/[\r\n\s]+/g);

  function paragraphs(data) {
    const words = wordsOf(data);
    // A paragraph ends where the next element with an id begins (a paragraph, a heading, the notes).
    const anchors = data.anchors.filter((a) => !INLINE.test(a.element)).sort((a, b) => a.location - b.location);
    const found = [];
    anchors.forEach((anchor, i) => {
      if (!PARAGRAPH_ID.test(anchor.id)) return;
      const next = anchors.slice(i + 1).find((a) => a.location > anchor.location);
      const end = next ? next.location : words.length;
      const hits = data.locations.filter((l) => l >= anchor.location && l < end && relevant(words[l] || ""))
        .sort((a, b) => a - b);
      // The paragraphs that hold most of the query's words come first, then those that hold them most.
      if (hits.length) {
        found.push({ id: anchor.id, hits, distinct: covered(words, hits), excerpt: excerpt(words, anchor.location, end, hits) });
      }
    });
    return found.sort((a, b) => b.distinct - a.distinct || b.hits.length - a.hits.length).slice(0, PARAGRAPHS)
      .sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
  }

  // Pagefind’s own excerpt is not used: every word shown here is escaped by this script.
  function pageExcerpt(data) {
    const words = wordsOf(data);
    return excerpt(words, 0, words.length, data.locations.filter((l) => relevant(words[l] || "")).sort((a, b) => a - b));
  }

  // A glossary term is indexed apart from its page and names where it is (build_tools/publish/search.py).
  const address = (data) => data.meta.url ? new URL("." + data.meta.url, root).href : data.url;

  function item(data) {
    const url = address(data);
    const kind = data.meta.kind || "Page";
    const category = data.filters?.["Catégorie"]?.[0];  // no elision in a category's name
    const label = category ? `${kind} · ${category}` : kind;
    const li = document.createElement("li");
    li.className = "md-search-result__item recherche-resultat";
    const title = joinElisions(data.meta.title || "");
    const summary = joinElisions(data.meta.description || "");
    const description = summary && kind !== "Article" ? summary : null;
    const sub = kind === "Article" ? paragraphs(data) : [];
    const main = sub.length ? `<p class="recherche-description">${escapeHtml(summary)}</p>`
      : description ? `<p>${escapeHtml(description)}</p>` : `<p>${pageExcerpt(data)}</p>`;
    li.innerHTML =
      `<a href="${escapeHtml(url)}" class="md-search-result__link">` +
      `<article class="md-search-result__article md-typeset">` +
      `<span class="recherche-nature">${escapeHtml(label)}</span>` +
      `<h1>${escapeHtml(title || url)}</h1>${main}</article></a>` +
      sub.map((p) =>
        `<a href="${escapeHtml(url)}#${p.id}" class="md-search-result__link recherche-paragraphe">` +
        `<article class="md-search-result__article md-typeset">` +
        `<span class="recherche-nature">§ ${p.id.slice(1)}</span><p>${p.excerpt}</p></article></a>`).join("");
    return li;
  }

  function render(results, query, total = 0) {
    if (results === null) {
      current = null;
      list.replaceChildren();
      delete list.dataset.query;
      status.textContent = "Tapez un mot ou une expression";
      more.hidden = true;
      return;
    }
    list.replaceChildren(...results.map(item));
    list.dataset.query = query;
    if (total === 0) {
      status.textContent = `Aucun résultat pour « ${query} »`;
      more.hidden = true;
    } else {
      counted(total, results.length);
    }
  }

  // How many results there are, how many are shown, and the button that shows more.
  function counted(total, shown) {
    status.textContent = total === 1 ? "1 résultat"
      : total > shown ? `${total} résultats, les ${shown} premiers ci-dessous`
      : `${total} résultats`;
    const left = Math.min(RESULTS, total - shown);
    more.hidden = left <= 0;
    more.textContent = left === 1 ? "Afficher le résultat suivant" : `Afficher les ${left} résultats suivants`;
  }
})();
