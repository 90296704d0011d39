/* Client-side filters for the task tables (plan, status, reported, unit, county). No library.
   The choice is kept in the URL (?status=overdue&unit=hd-ecology; a second table on the page uses
   its own prefix, ?projects.status=…), so a filtered view can be bookmarked and shared. */
(function () {
  "use strict";
  function key(container, name, first) {
    var table = container.getAttribute("data-pc-table");
    return first ? name : table.replace(/^pc-/, "") + "." + name;
  }
  function matches(row, wanted) {
    var units = (row.getAttribute("data-units") || "").split(" ");
    var counties = (row.getAttribute("data-county") || "").split(" ");
    return (!wanted.status || row.getAttribute("data-status") === wanted.status) &&
      (!wanted.plan || row.getAttribute("data-plan") === wanted.plan) &&
      (!wanted.reported || row.getAttribute("data-reported") === wanted.reported) &&
      (!wanted.unit || units.indexOf(wanted.unit) >= 0) &&
      (!wanted.county || counties.indexOf(wanted.county) >= 0);
  }
  function apply(container) {
    var table = document.getElementById(container.getAttribute("data-pc-table"));
    if (!table) { return; }
    var wanted = {};
    container.querySelectorAll("select[data-pc-filter]").forEach(function (select) {
      wanted[select.getAttribute("data-pc-filter")] = select.value;
    });
    var shown = 0;
    var rows = table.tBodies[0].rows;
    for (var i = 0; i < rows.length; i++) {
      var visible = matches(rows[i], wanted);
      rows[i].hidden = !visible;
      if (visible) { shown++; }
    }
    var counter = container.querySelector("[data-pc-count]");
    if (counter) { counter.textContent = "显示 " + shown + " / " + rows.length + " 项"; }
  }
  function remember(containers) {
    if (!window.URLSearchParams || !window.history || !history.replaceState) { return; }
    var params = new URLSearchParams(location.search);
    containers.forEach(function (container, index) {
      container.querySelectorAll("select[data-pc-filter]").forEach(function (select) {
        var name = key(container, select.getAttribute("data-pc-filter"), index === 0);
        if (select.value) { params.set(name, select.value); } else { params.delete(name); }
      });
    });
    var query = params.toString();
    history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }
  function restore(container, first) {
    if (!window.URLSearchParams) { return; }
    var params = new URLSearchParams(location.search);
    container.querySelectorAll("select[data-pc-filter]").forEach(function (select) {
      var value = params.get(key(container, select.getAttribute("data-pc-filter"), first));
      if (value && select.querySelector('option[value="' + (window.CSS && CSS.escape ? CSS.escape(value) : value) + '"]')) {
        select.value = value;
      }
    });
  }
  function init() {
    var containers = Array.prototype.slice.call(document.querySelectorAll("[data-pc-table]"));
    containers.forEach(function (container, index) {
      restore(container, index === 0);
      container.querySelectorAll("select").forEach(function (select) {
        select.addEventListener("change", function () { apply(container); remember(containers); });
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
