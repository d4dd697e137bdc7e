// Material asks for the search index (search/search_index.json, about 0.5 MB)
// as soon as a page loads, although most page views never search. This holds
// that one request back until the reader first goes to the search box (click,
// tap, or the keyboard shortcuts, which all focus its input, or open the search
// overlay), or arrives from a search result (?h=..., highlighted with the
// index). Nothing else changes: Material then indexes as usual.
(() => {
  const INDEX = /\/search\/search_index\.json$/;
  const { open, send } = XMLHttpRequest.prototype;
  const held = new WeakSet();
  const waiting = [];
  let wanted = new URLSearchParams(location.search).has("h");

  const release = () => {
    wanted = true;
    for (const go of waiting.splice(0)) go();
  };

  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (INDEX.test(new URL(url, location.href).pathname)) held.add(this);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...body) {
    if (held.has(this) && !wanted) waiting.push(() => send.apply(this, body));
    else send.apply(this, body);
  };

  document.addEventListener("focusin", (event) => {
    if (event.target.matches?.(".md-search__input")) release();
  });
  document.addEventListener("change", (event) => {
    if (event.target.id === "__search" && event.target.checked) release();
  });
})();
