/* One part of the search index (build_tools/publish/search.py), searched in a thread of its own
   for the edition's search (recherche.js).

   A large edition's index is in parts. Pagefind's own way to read them (mergeIndex) ranks them
   one after the other in a single worker; a part in a worker of its own ranks its pages while
   the others rank theirs, on as many cores as the reader's device has. Here Pagefind runs in
   this thread, as it does where there is no page (no worker of its own).

   Messages: {id, method, args} in, {id, result} or {id, error} out. */

let pagefind = null;
let last = { search: 0, results: [] };  // the results of the latest search, whose data the page asks for

// Pagefind's WebAssembly is the same for every part and is written once, in the first part's
// folder: every part fetches it from there, so that the browser downloads it once.
function fetchingWasmFrom(bundle) {
  const fetchAny = self.fetch.bind(self);
  self.fetch = (input, init) => {
    const wasm = /\/(wasm\.[^/]+\.pagefind)$/.exec(String(input));
    return fetchAny(wasm ? `${bundle}${wasm[1]}` : input, init);
  };
}

const methods = {
  async init({ bundle, folder, baseUrl, excerptLength }) {
    fetchingWasmFrom(bundle);
    pagefind = await import(`${bundle}pagefind.js`);
    await pagefind.options({ basePath: folder, baseUrl, excerptLength });
    await pagefind.init();
  },
  filters: () => pagefind.filters(),
  preload: (term, options) => pagefind.preload(term, options),
  // The scores only: the page chooses, among all the parts' results, those it shows.
  async search(number, term, options) {
    const search = await pagefind.search(term, options);
    if (number > last.search) last = { search: number, results: search.results };
    return search.results.map((result) => result.score);
  },
  // The data of a result of the latest search, by its rank in it; null if a newer one came.
  data(number, rank) {
    return number === last.search ? last.results[rank].data() : null;
  },
};

self.addEventListener("message", async ({ data: { id, method, args } }) => {
  try {
    self.postMessage({ id, result: await methods[method](...args) });
  } catch (error) {
    self.postMessage({ id, error: String(error) });
  }
});
