/* Filters for the task tables (checker/site/filters.py): rows carry data-plan, data-status,
   data-unit, data-county and data-reported; each select hides the rows that do not match. The
   choices live in the query string (?status=overdue_unreported&unit=hd-ecology), so a filtered
   view is a link to share: it is read back on load. Works from file:// too; if the browser
   refuses to rewrite the address there, filtering still works. No library. */
(function () {
  "use strict";
  function selects(container) {
    return Array.prototype.slice.call(container.querySelectorAll("select[data-pc-filter]"));
  }
  function key(container, select) {
    return (container.getAttribute("data-pc-query") || "") + select.getAttribute("data-pc-filter");
  }
  function apply(container) {
    var table = document.getElementById(container.getAttribute("data-pc-table"));
    if (!table) { return; }
    var wanted = selects(container).filter(function (s) { return s.value; });
    var rows = table.tBodies[0].rows;
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var visible = wanted.every(function (select) {
        var values = (row.getAttribute("data-" + select.getAttribute("data-pc-filter")) || "").split(" ");
        return values.indexOf(select.value) >= 0;
      });
      row.hidden = !visible;
      if (visible) { shown++; }
    }
    var counter = container.querySelector("[data-pc-count]");
    if (counter) { counter.textContent = "显示 " + shown + " / " + rows.length + " 项"; }
  }
  function remember(container) {
    var params = new URLSearchParams(window.location.search);
    selects(container).forEach(function (select) {
      if (select.value) { params.set(key(container, select), select.value); } else { params.delete(key(container, select)); }
    });
    var query = params.toString();
    try {
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    } catch (error) {
      /* some browsers refuse for file:// pages; the filter itself still applies */
    }
  }
  function restore(container) {
    var params = new URLSearchParams(window.location.search);
    selects(container).forEach(function (select) {
      var value = params.get(key(container, select));
      if (value && Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
        select.value = value;
      }
    });
  }
  function init() {
    document.querySelectorAll("[data-pc-table]").forEach(function (container) {
      restore(container);
      selects(container).forEach(function (select) {
        select.addEventListener("change", function () { apply(container); remember(container); });
      });
      apply(container);
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
