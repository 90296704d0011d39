/* The fill-in form (form.html): pick a unit, fill in its open tasks, get the progress YAML.
 *
 * The rules come from schemas/progress.schema.json, derived at build time (checker/site/form_rules.py)
 * and embedded in the page as #pc-form-config. A unit's tasks are loaded on selection from
 * assets/form-units/<unit>.js, which calls window.plancheckForm.receive(data): a <script> works
 * from file:// where fetch() does not. Nothing leaves the browser. Every string from the data is
 * put into the page with textContent, never as HTML.
 */
(function () {
  "use strict";
  var root = document.getElementById("pc-form");
  if (!root) return;
  var config = JSON.parse(document.getElementById("pc-form-config").textContent);
  var rules = config.rules;
  var unitSelect = document.getElementById("pc-unit");
  var items = document.getElementById("pc-items");
  var indicators = document.getElementById("pc-indicators");
  var filter = document.getElementById("pc-filter");
  var summary = document.getElementById("pc-summary");
  var result = document.getElementById("pc-result");
  var download = document.getElementById("pc-download");
  var blobUrl = null;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  config.units.forEach(function (unit) {
    unitSelect.appendChild(el("option", { value: unit[0] }, unit[1] + "（" + unit[0] + "）"));
  });

  /* ---- checks: one rule per field, as the schema states it ---- */
  function isCalendarDate(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m) return false;
    var d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
  }
  function isNumber(text) { return /^-?\d+(\.\d+)?$/.test(text); }

  function check(rule, value, hint) {
    if (value === "") return rule.required ? "必填。" : "";
    var types = rule.type || ["string"];
    if (rule["enum"] && rule["enum"].indexOf(value) < 0) return "请从列表中选择。";
    var integer = types.indexOf("number") < 0 && types.indexOf("integer") >= 0;
    if ((types.indexOf("number") >= 0 || integer) && types.indexOf("string") < 0) {
      if (!isNumber(value)) return "请填写数字，如 3 或 2.5。";
      if (integer && !/^-?\d+$/.test(value)) return "请填写整数。";
      var n = Number(value);
      if (rule.minimum !== undefined && n < rule.minimum) return "不能小于 " + rule.minimum + "。";
      if (rule.exclusiveMinimum !== undefined && n <= rule.exclusiveMinimum) return "须大于 " + rule.exclusiveMinimum + "。";
      if (rule.maximum !== undefined && n > rule.maximum) return "不能大于 " + rule.maximum + "。";
      return "";
    }
    if (rule.maxLength !== undefined && value.length > rule.maxLength) return "不能超过 " + rule.maxLength + " 个字。";
    if (rule.pattern && !new RegExp(rule.pattern, "u").test(value)) {
      if (rule.format === "date") return "日期应写作 YYYY-MM-DD，如 2025-12-22。";
      if (rule.format === "uri") return "网址须以 http:// 或 https:// 开头。";
      return hint || "含有不允许的字符（如控制字符）。";
    }
    var format = rule.format;
    if (rule.formatFrom && value.length >= rule.formatFrom.minLength) format = rule.formatFrom.format;
    if (format === "date" && !isCalendarDate(value)) return "没有这一天，请核对日期。";
    if (format === "uri") { try { new URL(value); } catch (e) { return "不是有效的网址。"; } }
    return "";
  }

  function fieldOf(scope, name) { return scope.querySelector('[data-field="' + name + '"]'); }
  function valueOf(scope, name) {
    var box = fieldOf(scope, name);
    return box ? box.querySelector("input,select,textarea").value.trim() : "";
  }
  function say(scope, name, message) {
    var box = fieldOf(scope, name);
    box.querySelector(".pc-error").textContent = message;
    box.classList.toggle("pc-invalid", message !== "");
    return message ? 1 : 0;
  }
  function hintOf(scope, name) {
    var box = fieldOf(scope, name);
    var hint = box && box.querySelector(".pc-hint");
    return hint ? "格式不对：" + hint.textContent : "";
  }

  function checkHeader() {
    var errors = say(root, "reporter", unitSelect.value ? "" : "请选择报送单位。");
    Object.keys(rules.header).forEach(function (name) {
      errors += say(root, name, check(rules.header[name], valueOf(root, name), hintOf(root, name)));
    });
    return errors + say(root, "section", check(rules.update.section, valueOf(root, "section"), ""));
  }

  var PER_ITEM = ["status", "done", "total", "count_unit", "completed_on", "forecast.date", "forecast.text", "quote", "note"];
  var PER_OBSERVATION = ["period.year", "period.through_month", "value", "quote", "note"];
  // Prefilled from the plan or the date, so they alone do not make an entry.
  var PREFILLED = ["count_unit", "period.year"];

  function isIndicator(card) { return card.hasAttribute("data-indicator"); }
  function fieldsOf(card) { return isIndicator(card) ? PER_OBSERVATION : PER_ITEM; }

  function filled(card) {
    return fieldsOf(card).some(function (name) { return PREFILLED.indexOf(name) < 0 && valueOf(card, name) !== ""; });
  }

  function checkObservation(card) {
    var errors = 0;
    PER_OBSERVATION.forEach(function (name) {
      errors += say(card, name, check(rules.observation[name], valueOf(card, name), hintOf(card, name)));
    });
    return errors;
  }

  function checkItem(card) {
    if (!filled(card)) {
      fieldsOf(card).forEach(function (name) { say(card, name, ""); });
      return 0;
    }
    if (isIndicator(card)) return checkObservation(card);
    var errors = 0;
    var forecastGiven = valueOf(card, "forecast.date") !== "" || valueOf(card, "forecast.text") !== "";
    var counted = valueOf(card, "done") !== "" || valueOf(card, "total") !== "";
    PER_ITEM.forEach(function (name) {
      // The unit of the counts is prefilled from the plan; it only counts when the counts are given.
      if (name === "count_unit" && !counted) { say(card, name, ""); return; }
      var rule = rules.update[name];
      if (name.indexOf("forecast.") === 0 && !forecastGiven) rule = Object.assign({}, rule, { required: false });
      var message = check(rule, valueOf(card, name), hintOf(card, name));
      var needs = rules.dependent[name];
      if (!message && needs && valueOf(card, name) !== "") {
        needs.forEach(function (other) {
          if (valueOf(card, other) === "" && !message) message = "填了此项，也要填“" + labelOf(card, other) + "”。";
        });
      }
      errors += say(card, name, message);
    });
    return errors;
  }
  function labelOf(scope, name) { return fieldOf(scope, name).querySelector(".pc-label").textContent; }

  /* ---- the unit's tasks ---- */
  function field(name, label, kind, hint) {
    var box = el("label", { "class": "pc-field", "data-field": name });
    box.appendChild(el("span", { "class": "pc-label" }, label));
    var control;
    if (kind === "select") {
      control = el("select", { name: name });
      control.appendChild(el("option", { value: "" }, "（本次不报送）"));
      config.statuses.forEach(function (s) { control.appendChild(el("option", { value: s[0] }, s[1])); });
    } else if (kind === "textarea") {
      control = el("textarea", { name: name, rows: "2" });
    } else {
      control = el("input", { name: name, type: kind, autocomplete: "off" });
    }
    box.appendChild(control);
    if (hint) box.appendChild(el("small", { "class": "pc-hint" }, hint));
    box.appendChild(el("span", { "class": "pc-error", role: "alert" }));
    return box;
  }

  function card(task) {
    var box = el("div", { "class": "pc-item", "data-task": task.key });
    var head = el("div", { "class": "pc-item-head" });
    head.appendChild(el("code", {}, task.key));
    head.appendChild(el("span", { "class": "pc-item-status" }, task.status));
    if (task.byDefault) head.appendChild(el("span", { "class": "pc-item-default" }, "统一规定"));
    box.appendChild(head);
    box.appendChild(el("p", { "class": "pc-item-title" }, task.title));
    if (task.target) box.appendChild(el("p", { "class": "pc-item-why" }, "目标：" + task.target));
    box.appendChild(el("p", { "class": "pc-item-why" }, task.explanation));
    var grid = el("div", { "class": "pc-grid" });
    grid.appendChild(field("status", "进展状态", "select"));
    grid.appendChild(field("done", "已完成数量", "text", "选填，如“6台已完成3台”的 3"));
    grid.appendChild(field("total", "总数量", "text", "与已完成数量同填"));
    grid.appendChild(field("count_unit", "数量单位", "text", "如“台”"));
    grid.appendChild(field("completed_on", "完成日期", "text", "已完成的填；可写 2023-11-15、2023-11 或 2023"));
    grid.appendChild(field("forecast.date", "预计完成日期", "text", "原文有“预计……完成”时填，写作 2025-11-30"));
    grid.appendChild(field("forecast.text", "预计完成原文", "text", "如“预计11月底建成”"));
    var quote = field("quote", "原文摘录", "textarea", "必填，逐字照录材料原文");
    quote.classList.add("pc-wide");
    grid.appendChild(quote);
    var note = field("note", "补充说明", "textarea", "选填");
    note.classList.add("pc-wide");
    grid.appendChild(note);
    box.appendChild(grid);
    if (task.countUnits) fieldOf(box, "count_unit").querySelector("input").value = task.countUnits[0];
    watch(box);
    return box;
  }

  // An entry opens as soon as something is typed into it; its fields are checked when one is left.
  function watch(box) {
    box.addEventListener("input", function () { if (filled(box)) box.classList.add("pc-filled"); });
    box.addEventListener("change", function () { box.classList.toggle("pc-filled", filled(box)); checkItem(box); });
  }

  function indicatorCard(indicator, year) {
    var box = el("div", { "class": "pc-item", "data-indicator": indicator.key });
    var head = el("div", { "class": "pc-item-head" });
    head.appendChild(el("code", {}, indicator.key));
    head.appendChild(el("span", { "class": "pc-item-status" }, indicator.status));
    box.appendChild(head);
    box.appendChild(el("p", { "class": "pc-item-title" }, indicator.name + (indicator.unit ? "（" + indicator.unit + "）" : "")));
    box.appendChild(el("p", { "class": "pc-item-why" }, indicator.explanation));
    var grid = el("div", { "class": "pc-grid" });
    grid.appendChild(field("value", "观测值", "text", indicator.unit ? "单位：" + indicator.unit : "与指标同单位"));
    grid.appendChild(field("period.year", "数据年份", "text", "数据所属年份"));
    grid.appendChild(field("period.through_month", "截至月份", "text", "只有部分月份的填，如前三季度填 9；全年数据不填"));
    var quote = field("quote", "原文摘录", "textarea", "必填，逐字照录材料原文");
    quote.classList.add("pc-wide");
    grid.appendChild(quote);
    var note = field("note", "补充说明", "textarea", "选填，如换算方法");
    note.classList.add("pc-wide");
    grid.appendChild(note);
    box.appendChild(grid);
    fieldOf(box, "period.year").querySelector("input").value = String(year);
    watch(box);
    return box;
  }

  function showIndicators(data) {
    indicators.textContent = "";
    if (!data.indicators || !data.indicators.length) return;
    indicators.appendChild(el("h3", {}, "指标数据"));
    indicators.appendChild(el("p", { "class": "pc-note" },
      "本单位可报送的指标 " + data.indicators.length + " 项。材料中有指标数值的，填写观测值、数据年份和原文摘录；没有的不填。数据年份已预填为规划目标年份或上一个完整年份，请按数据所属年份改正。"));
    data.indicators.forEach(function (indicator) { indicators.appendChild(indicatorCard(indicator, indicator.year)); });
  }

  function show(data) {
    showIndicators(data);
    items.textContent = "";
    var note = document.getElementById("pc-items-note");
    if (!data.tasks.length) {
      note.textContent = data.name + "目前没有尚未完成、可由本单位报送的任务。";
      filter.hidden = true;
      return;
    }
    note.textContent = data.name + "目前需要报送的任务 " + data.tasks.length + " 项（点名本单位或已逾期的未完成任务，" +
      "以及本单位报过、尚未完成的任务；状态截至 " + data.asOf + "），最紧急的在前。只填有进展要报的任务，其余保持“本次不报送”。" +
      (data.leftOut ? "另有 " + data.leftOut + " 项本单位可以报送的未完成事项没有列出；要报送其中某项，请用 " +
        "plancheck new-report --task 或 --all。" : "");
    filter.hidden = false;
    data.tasks.forEach(function (task) { items.appendChild(card(task)); });
    limit = SHOWN_FIRST;
    showMore();
  }

  /* The most urgent tasks first; the rest one click away (or found with the filter), so a unit
   * with hundreds of open tasks does not scroll past them all to reach step four. */
  var SHOWN_FIRST = 20;
  var limit = SHOWN_FIRST;
  var more = el("button", { type: "button", "class": "md-button", id: "pc-more" });
  more.addEventListener("click", function () { limit = Infinity; showMore(); });
  function showMore() {
    var words = filter.value.trim().toLowerCase();
    var cards = Array.prototype.slice.call(items.querySelectorAll(".pc-item"));
    cards.forEach(function (box, index) {
      var match = words === "" ? index < limit : box.textContent.toLowerCase().indexOf(words) >= 0;
      box.hidden = !match && !box.classList.contains("pc-filled");
    });
    var rest = words === "" ? cards.length - Math.min(limit, cards.length) : 0;
    more.textContent = "显示其余 " + rest + " 项任务";
    more.hidden = rest <= 0;
    items.appendChild(more);
  }

  window.plancheckForm = {
    receive: function (data) { if (data && data.unit === unitSelect.value) show(data); }
  };

  function choose(unit) {
    items.textContent = "";
    indicators.textContent = "";
    reset();
    if (!unit) return;
    document.getElementById("pc-items-note").textContent = "正在读取……";
    var script = el("script", { src: config.unitScripts + encodeURIComponent(unit) + ".js" });
    script.onerror = function () { document.getElementById("pc-items-note").textContent = "读取本单位的任务失败。"; };
    document.body.appendChild(script);
  }
  unitSelect.addEventListener("change", function () { choose(unitSelect.value); });

  filter.addEventListener("input", showMore);

  /* ---- the YAML ---- */
  function quoted(text) {
    return JSON.stringify(text).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
  }
  function oneLine(text) { return text.replace(/\s+/g, " "); }

  function yaml(entries, observations) {
    var date = valueOf(root, "date");
    var unit = unitSelect.value;
    var name = unitSelect.options[unitSelect.selectedIndex].textContent;
    var lines = [
      "# yaml-language-server: $schema=../../../schemas/progress.schema.json",
      "#",
      "# " + oneLine(name) + "进展报送（" + date + "），由网站“报送进展”表单生成。",
      "reporter: " + unit,
      "date: " + date
    ];
    if (valueOf(root, "title")) lines.push("title: " + quoted(valueOf(root, "title")));
    lines.push("source:", "  title: " + quoted(valueOf(root, "source.title")), "  date: " + valueOf(root, "source.date"));
    if (valueOf(root, "source.number")) lines.push("  number: " + quoted(valueOf(root, "source.number")));
    if (valueOf(root, "source.url")) lines.push("  url: " + quoted(valueOf(root, "source.url")));
    if (entries.length) lines.push("updates:");
    entries.forEach(function (box) {
      var v = function (name) { return valueOf(box, name); };
      lines.push("  - task: " + box.getAttribute("data-task"), "    status: " + v("status"));
      if (v("done") !== "") {
        lines.push("    done: " + Number(v("done")), "    total: " + Number(v("total")));
        if (v("count_unit")) lines.push("    count_unit: " + quoted(v("count_unit")));
      }
      if (v("completed_on")) lines.push("    completed_on: " + quoted(v("completed_on")));
      if (v("forecast.date")) lines.push("    forecast:", "      date: " + v("forecast.date"), "      text: " + quoted(v("forecast.text")));
      lines.push("    quote: " + quoted(v("quote")));
      if (valueOf(root, "section")) lines.push("    section: " + quoted(valueOf(root, "section")));
      if (v("note")) lines.push("    note: " + quoted(v("note")));
    });
    if (observations.length) lines.push("observations:");
    observations.forEach(function (box) {
      var v = function (name) { return valueOf(box, name); };
      lines.push("  - indicator: " + box.getAttribute("data-indicator"), "    period:",
        "      year: " + Number(v("period.year")));
      if (v("period.through_month")) lines.push("      through_month: " + Number(v("period.through_month")));
      lines.push("    value: " + Number(v("value")), "    quote: " + quoted(v("quote")));
      if (valueOf(root, "section")) lines.push("    section: " + quoted(valueOf(root, "section")));
      if (v("note")) lines.push("    note: " + quoted(v("note")));
    });
    return lines.join("\n") + "\n";
  }

  function reset() {
    result.hidden = true;
    summary.textContent = "";
    if (blobUrl) { URL.revokeObjectURL(blobUrl); blobUrl = null; }
    download.removeAttribute("download");
    download.setAttribute("href", "#");
  }

  document.getElementById("pc-make").addEventListener("click", function () {
    reset();
    var errors = checkHeader();
    var cards = Array.prototype.slice.call(items.querySelectorAll(".pc-item"));
    var observed = Array.prototype.slice.call(indicators.querySelectorAll(".pc-item"));
    cards.concat(observed).forEach(function (box) { errors += checkItem(box); });
    var entries = cards.filter(filled);
    var observations = observed.filter(filled);
    if (errors) {
      summary.textContent = "有 " + errors + " 处需要改正（见标红的栏目），改正后再生成。";
      var first = root.querySelector(".pc-invalid");
      if (first) first.scrollIntoView({ block: "center" });
      return;
    }
    if (!entries.length && !observations.length) {
      summary.textContent = "还没有填写任何进展：至少为一项任务选择进展状态，或为一项指标填写观测值，并填写原文摘录。";
      return;
    }
    var text = yaml(entries, observations);
    var filename = valueOf(root, "date") + "-report.yaml";
    document.getElementById("pc-yaml").value = text;
    blobUrl = URL.createObjectURL(new Blob([text], { type: "application/x-yaml;charset=utf-8" }));
    download.setAttribute("href", blobUrl);
    download.setAttribute("download", filename);
    download.textContent = "下载 " + filename;
    var link = document.getElementById("pc-repository");
    if (config.repository) {
      var path = "policy/progress/" + unitSelect.value + "/" + filename;
      link.href = config.repository.url + "/new/" + encodeURIComponent(config.repository.branch).replace(/%2F/g, "/") +
        "?filename=" + encodeURIComponent(path) + "&value=" + encodeURIComponent(text);
      link.hidden = false;
    }
    var counted = [];
    if (entries.length) counted.push(entries.length + " 项任务");
    if (observations.length) counted.push(observations.length + " 项指标");
    summary.textContent = "检查通过：" + counted.join("、") + "。文件应放在 policy/progress/" + unitSelect.value +
      "/" + filename + "。提交前仍请运行 plancheck validate。";
    result.hidden = false;
  });

  document.getElementById("pc-copy").addEventListener("click", function () {
    var area = document.getElementById("pc-yaml");
    area.select();
    var done = function () { summary.textContent = "已复制到剪贴板。"; };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(area.value).then(done, function () {});
    else if (document.execCommand("copy")) done();
  });

  // Any edit makes the generated file stale: it must be checked and generated again.
  root.addEventListener("input", function (event) { if (event.target !== filter) reset(); });
  root.addEventListener("change", function (event) { if (event.target !== filter) reset(); });

  var wanted = new URLSearchParams(window.location.search).get("unit");
  if (wanted && config.units.some(function (u) { return u[0] === wanted; })) {
    unitSelect.value = wanted;
    choose(wanted);
  }
  var dateInput = fieldOf(root, "date").querySelector("input");
  if (!dateInput.value) {
    var now = new Date();
    var today = new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
    dateInput.value = today;
    fieldOf(root, "source.date").querySelector("input").value = today;
  }
}());
