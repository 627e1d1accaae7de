(function () {
  "use strict";
  var tip = document.getElementById("tip");
  var current = null;
  function markerOf(e) {
    var t = e.target;
    return t && t.closest ? t.closest(".mk") : null;
  }
  function show(m) {
    var row = document.getElementById(m.getAttribute("data-row"));
    if (!row || !tip) return;
    current = m;
    var parts = [];
    for (var i = 0; i < row.cells.length; i++) {
      var cell = row.cells[i];
      var div = document.createElement("div");
      div.className = cell.className;
      for (var n = cell.firstChild; n; n = n.nextSibling) div.appendChild(n.cloneNode(true));
      parts.push(div);
    }
    tip.replaceChildren.apply(tip, parts);
    tip.hidden = false;
    var r = m.getBoundingClientRect();
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var x = Math.min(r.right + 8, window.innerWidth - w - 8);
    var y = r.bottom + 8 + h > window.innerHeight ? r.top - h - 8 : r.bottom + 8;
    tip.style.left = Math.max(4, x) + "px";
    tip.style.top = Math.max(4, y) + "px";
  }
  function hide() {
    current = null;
    if (tip) tip.hidden = true;
  }
  document.addEventListener("mouseover", function (e) { var m = markerOf(e); if (m && m !== current) show(m); });
  document.addEventListener("mouseout", function (e) { if (markerOf(e) && !(e.relatedTarget && e.relatedTarget.closest && e.relatedTarget.closest(".mk") === current)) hide(); });
  document.addEventListener("focusin", function (e) { var m = markerOf(e); if (m) show(m); });
  document.addEventListener("focusout", function (e) { if (markerOf(e)) hide(); });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
  window.addEventListener("beforeprint", function () {
    hide();
    var d = document.querySelectorAll("details");
    for (var i = 0; i < d.length; i++) d[i].open = true;
  });
})();
