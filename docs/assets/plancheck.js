/* Client-side filter for the task tables on plan pages: status, unit and county. No library. */
(function () {
  "use strict";
  function apply(container) {
    var tableId = container.getAttribute("data-pc-table");
    var table = document.getElementById(tableId);
    if (!table) { return; }
    var wanted = {};
    container.querySelectorAll("select[data-pc-filter]").forEach(function (select) {
      wanted[select.getAttribute("data-pc-filter")] = select.value;
    });
    var shown = 0;
    var rows = table.tBodies[0].rows;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var units = (row.getAttribute("data-units") || "").split(" ");
      var counties = (row.getAttribute("data-county") || "").split(" ");
      var visible = (!wanted.status || row.getAttribute("data-status") === wanted.status) &&
        (!wanted.unit || units.indexOf(wanted.unit) >= 0) &&
        (!wanted.county || counties.indexOf(wanted.county) >= 0);
      row.hidden = !visible;
      if (visible) { shown++; }
    }
    var counter = container.querySelector("[data-pc-count]");
    if (counter) { counter.textContent = "显示 " + shown + " / " + rows.length + " 项"; }
  }
  function init() {
    document.querySelectorAll("[data-pc-table]").forEach(function (container) {
      container.querySelectorAll("select").forEach(function (select) {
        select.addEventListener("change", function () { apply(container); });
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
