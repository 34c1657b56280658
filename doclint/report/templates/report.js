// Filters for the doclint report: plain DOM, no library, no network.
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var controls = { cat: $("f-cat"), sev: $("f-sev"), code: $("f-code"), path: $("f-path") };
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.doc"));
  var listed = document.querySelectorAll(".diag").length;

  function apply() {
    var cat = controls.cat.value, sev = controls.sev.value, code = controls.code.value;
    var path = controls.path.value.trim().toLowerCase();
    var shown = 0;
    sections.forEach(function (section) {
      var pathOk = !path || section.getAttribute("data-path").toLowerCase().indexOf(path) !== -1;
      var visible = 0;
      section.querySelectorAll(".diag").forEach(function (diag) {
        var ok = pathOk && (!cat || diag.getAttribute("data-cat") === cat)
          && (!sev || diag.getAttribute("data-sev") === sev)
          && (!code || diag.getAttribute("data-code") === code);
        diag.hidden = !ok;
        if (ok) { visible += 1; }
      });
      section.hidden = visible === 0;
      var counter = section.querySelector(".doc-shown");
      if (counter) { counter.textContent = String(visible); }
      shown += visible;
    });
    var archive = $("archive");
    if (archive) {
      $("archive-title").hidden = !archive.querySelector("section.doc:not([hidden])");
    }
    $("documents-title").hidden = !$("documents").querySelector("section.doc:not([hidden])");
    $("shown-count").textContent = String(shown);
    $("listed-count").textContent = String(listed);
    $("nothing").hidden = shown !== 0;
    document.body.setAttribute("data-shown", String(shown));
  }

  function choose(kind, value) {
    var control = controls[kind];
    if (!control) { return; }
    control.value = control.value === value ? "" : value;
    apply();
    $("filters").scrollIntoView({ behavior: "smooth", block: "start" });
  }

  ["cat", "sev", "code"].forEach(function (kind) { controls[kind].addEventListener("change", apply); });
  controls.path.addEventListener("input", apply);
  $("f-reset").addEventListener("click", function () {
    controls.cat.value = controls.sev.value = controls.code.value = controls.path.value = "";
    apply();
  });
  document.querySelectorAll("[data-filter]").forEach(function (button) {
    button.addEventListener("click", function () {
      choose(button.getAttribute("data-filter"), button.getAttribute("data-value"));
    });
  });
  // A link may carry filters: report.html#sev=error&code=T601&path=2019
  location.hash.replace(/^#/, "").split("&").forEach(function (pair) {
    var parts = pair.split("=");
    var control = controls[parts[0]];
    if (control && parts.length === 2) { control.value = decodeURIComponent(parts[1]); }
  });
  apply();
  document.body.setAttribute("data-ready", "1");
})();
