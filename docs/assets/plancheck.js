/* Site scripts beyond the theme. The task-table filters are in tables.js. */

/* The search box. Nothing of the index is downloaded until the reader focuses the box or types:
   then assets/search.js loads, and it loads only the index shards the query needs. */
(function () {
  "use strict";
  var self = document.currentScript;
  // Relative to the page (../../ on a task page), so it works from file:// and in the offline zip.
  var root = self ? self.getAttribute("src").replace(/assets\/plancheck\.js(?:[?#].*)?$/, "") : "";
  var engine = null;
  var ready = [];

  function start(callback) {
    if (window.pcSearch) { callback(); return; }
    ready.push(callback);
    if (engine) { return; }
    window.pcSearchRoot = root;
    engine = document.createElement("script");
    engine.src = root + "assets/search.js";
    engine.onload = function () { ready.splice(0).forEach(function (f) { f(); }); };
    document.head.appendChild(engine);
  }

  function render(output, query, found) {
    output.textContent = "";
    var meta = document.createElement("p");
    meta.className = "pc-search__meta";
    meta.textContent = found === null ? "搜索索引未能加载" : found.total ? "找到 " + found.total + " 个页面" : "没有找到符合条件的页面";
    output.appendChild(meta);
    var list = document.createElement("ol");
    (found ? found.results : []).forEach(function (result) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + result[0];
      link.textContent = result[1] || result[0];
      item.appendChild(link);
      list.appendChild(item);
    });
    output.appendChild(list);
    output.setAttribute("data-query", query);
    output.hidden = false;
  }

  function init() {
    var header = document.querySelector(".md-header__inner");
    if (!header) { return; }
    var box = document.createElement("div");
    box.className = "pc-search";
    box.setAttribute("role", "search");
    var input = document.createElement("input");
    input.type = "search";
    input.className = "pc-search__input";
    input.placeholder = "搜索";
    input.autocomplete = "off";
    input.setAttribute("aria-label", "搜索本站");
    input.setAttribute("aria-controls", "pc-search-results");
    var output = document.createElement("div");
    output.id = "pc-search-results";
    output.className = "pc-search__results";
    output.setAttribute("aria-live", "polite");
    output.hidden = true;
    box.appendChild(input);
    box.appendChild(output);
    header.appendChild(box);
    input.addEventListener("focus", function () { start(function () {}); });
    input.addEventListener("input", function () {
      var query = input.value.trim();
      if (!query) { output.hidden = true; return; }
      start(function () {
        window.pcSearch.search(query, function (found) {
          if (input.value.trim() === query) { render(output, query, found); }
        });
      });
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { output.hidden = true; input.blur(); }
    });
    document.addEventListener("click", function (event) {
      if (!box.contains(event.target)) { output.hidden = true; }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
