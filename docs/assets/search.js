/* Site search, loaded only when the reader opens the search box (plancheck.js adds this script).
   tokens() and whole() are checker/site/search/segment.py in JavaScript: the index and the query
   are cut by the same rules (tests/browser/search_parity_test.py). The index is script files, not JSON,
   so that it loads from file:// and from the offline zip; checker/site/search/index.py writes them. */
(function () {
  "use strict";
  var CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff";
  var DOCUMENT_NUMBER = new RegExp("[" + CJK + "]+[〔\\[(][0-9]{4}[〕\\])][0-9]+号", "g");
  var PIECE = new RegExp("[" + CJK + "]+|[a-z0-9]+(?:[-._][a-z0-9]+)*", "g");
  var IS_CJK = new RegExp("^[" + CJK + "]$");
  var JOINER = /[-._]/;
  var LIMIT = 50;

  function normalize(text) { return text.normalize("NFKC").toLowerCase(); }

  function tokens(text) {
    text = normalize(text);
    var found = text.match(DOCUMENT_NUMBER) || [];
    var match;
    PIECE.lastIndex = 0;
    while ((match = PIECE.exec(text)) !== null) {
      var piece = match[0];
      if (IS_CJK.test(piece[0])) {
        if (piece.length === 1) { found.push(piece); }
        for (var i = 0; i + 1 < piece.length; i++) { found.push(piece.slice(i, i + 2)); }
        continue;
      }
      found.push(piece);
      if (JOINER.test(piece)) {
        piece.split(JOINER).forEach(function (part) { if (part) { found.push(part); } });
      }
      var end = match.index + piece.length;
      var before = match.index > 0 ? text[match.index - 1] : "";
      var after = end < text.length ? text[end] : "";
      if (IS_CJK.test(before)) { found.push(before + piece); }
      if (IS_CJK.test(after)) { found.push(piece + after); }
    }
    return found;
  }

  function whole(text) { return "=" + normalize(text).split(/\s+/).join(""); }

  function fnv1a(term) {
    var value = 0x811c9dc5;
    for (var character of term) { value = Math.imul(value ^ character.codePointAt(0), 0x01000193) >>> 0; }
    return value;
  }

  var root = window.pcSearchRoot || "";
  var index = { docs: null, shards: {}, waiting: [] };

  function load(path) {
    var script = document.createElement("script");
    script.src = root + path;
    script.onerror = function () { index.failed = true; wake(); };
    document.head.appendChild(script);
  }
  function wake() {
    var waiting = index.waiting;
    index.waiting = [];
    waiting.forEach(function (callback) { callback(); });
  }

  function rank(query) {
    var terms = Array.from(new Set(tokens(query)));
    var wholeTerm = whole(query);
    var documents = index.docs.docs;
    var score = {}, matched = {}, exact = {};
    terms.concat([wholeTerm]).forEach(function (term) {
      var posting = index.shards[fnv1a(term) % index.docs.shards][term];
      if (!posting) { return; }
      var idf = Math.log(1 + documents.length / (posting.length / 2));
      for (var i = 0, doc = 0; i < posting.length; i += 2) {
        doc += posting[i];  // postings hold gaps between document numbers
        if (term === wholeTerm) { exact[doc] = 1; continue; }
        score[doc] = (score[doc] || 0) + posting[i + 1] * idf;
        matched[doc] = (matched[doc] || 0) + 1;
      }
    });
    var found = Object.keys(Object.assign({}, score, exact)).map(Number);
    found.sort(function (a, b) {
      return (exact[b] || 0) - (exact[a] || 0) || (matched[b] || 0) - (matched[a] || 0) ||
        (score[b] || 0) - (score[a] || 0) || a - b;
    });
    return { total: found.length, results: found.slice(0, LIMIT).map(function (d) { return documents[d]; }) };
  }

  function search(query, callback) {
    if (index.failed) { callback(null); return; }
    if (!index.docs) {
      index.waiting.push(function () { search(query, callback); });
      return;
    }
    var missing = tokens(query).concat([whole(query)]).map(function (term) {
      return fnv1a(term) % index.docs.shards;
    }).filter(function (shard, position, all) {
      return !(shard in index.shards) && all.indexOf(shard) === position;
    });
    if (missing.length === 0) { callback(rank(query)); return; }
    index.waiting.push(function () { search(query, callback); });
    missing.forEach(function (shard) {
      if (!document.querySelector('script[data-shard="' + shard + '"]')) {
        var script = document.createElement("script");
        script.dataset.shard = String(shard);
        script.src = root + "search/shard-" + shard + ".js";
        script.onerror = function () { index.shards[shard] = {}; wake(); };
        document.head.appendChild(script);
      }
    });
  }

  window.pcSearch = {
    tokens: tokens,
    whole: whole,
    fnv1a: fnv1a,
    search: search,
    docs: function (data) { index.docs = data; wake(); },
    shard: function (pair) { index.shards[pair[0]] = pair[1]; wake(); }
  };
  load("search/docs.js");
})();
