/* Newsline timeline glue: draw every [data-chart] with plotly.js and send clicks to htmx.
 *
 * The figure is built on the server (newsline/timeline/charts.py) and shipped as JSON in
 * the <script type="application/json"> element named by data-chart. A click on a point
 * loads that event's card into #card and records ?event=<id> in the URL (replaceState:
 * the card is shareable, but clicking around does not fill the back button).
 */
(function () {
  "use strict";

  var registeredLocales = {};

  function setEventParam(id) {
    var url = new URL(window.location.href);
    url.searchParams.set("event", String(id));
    url.searchParams.delete("page");
    // Keep htmx's own history state marker so back/forward still restore through htmx.
    window.history.replaceState({ htmx: true }, "", url.pathname + url.search + url.hash);
  }

  function loadCard(id, cardUrl) {
    var card = document.getElementById("card");
    if (!card || !cardUrl) {
      window.location.href = cardUrl;
      return;
    }
    htmx.ajax("GET", cardUrl, { target: card, swap: "innerHTML" });
    setEventParam(id);
  }

  // Zooming is filtering by dates: fill the form's From/Until with the visible range
  // and submit it, so the swap, the URL and the fields all say what is shown.
  function zoomIn(change) {
    var range = change["xaxis.range"] || [change["xaxis.range[0]"], change["xaxis.range[1]"]];
    if (range[0] === undefined || range[1] === undefined) return;
    var days = [String(range[0]).slice(0, 10), String(range[1]).slice(0, 10)].sort();
    var form = document.querySelector("form[data-filters]");
    if (!form || !form.elements.start || !form.elements.end) return;
    form.elements.start.value = days[0];
    form.elements.end.value = days[1];
    htmx.trigger(form, "submit");
  }

  function render(el) {
    if (el.dataset.rendered === "1" || !window.Plotly) return;
    var source = document.getElementById(el.dataset.chart);
    if (!source) return;
    var figure = JSON.parse(source.textContent);
    if (figure.locale && !registeredLocales[figure.locale.name]) {
      Plotly.register({
        moduleType: "locale",
        name: figure.locale.name,
        dictionary: {},
        format: figure.locale.format,
      });
      registeredLocales[figure.locale.name] = true;
    }
    el.dataset.rendered = "1";
    el.replaceChildren();
    Plotly.newPlot(el, figure.data, figure.layout, figure.config).then(function () {
      el.classList.add("chart-ready");
      // An overview of a big timeline (newsline/timeline/lod.py): a zoom or pan asks
      // the server for the events in view.
      if (figure.layout.meta && figure.layout.meta.lod) el.on("plotly_relayout", zoomIn);
      el.on("plotly_click", function (event) {
        var point = event.points && event.points[0];
        if (!point || !point.customdata) return;
        loadCard(point.customdata[0], point.customdata[1]);
      });
    });
  }

  htmx.onLoad(function (root) {
    var charts = root.matches && root.matches("[data-chart]") ? [root] : [];
    root.querySelectorAll("[data-chart]").forEach(function (el) {
      charts.push(el);
    });
    charts.forEach(render);
  });

  // Drop empty filters from the request, so a shared URL says only what is filtered.
  document.addEventListener("htmx:configRequest", function (event) {
    if (!event.detail.elt.matches || !event.detail.elt.matches("form[data-filters]")) return;
    var params = event.detail.parameters;
    var empty = [];
    params.forEach(function (value, key) {
      if (value === "") empty.push(key);
    });
    empty.forEach(function (key) {
      params.delete(key);
    });
  });

  // After a card arrives (from the chart or the list): remember it in the URL, mark the
  // list row, and move keyboard focus to its title when it came from the keyboard list.
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    if (!target || target.id !== "card") return;
    var article = target.querySelector("[data-event-id]");
    if (!article) return;
    var id = article.dataset.eventId;
    setEventParam(id);
    document.querySelectorAll(".event-list li.focused").forEach(function (li) {
      li.classList.remove("focused");
      li.removeAttribute("aria-current");
    });
    var row = document.getElementById("e-" + id);
    if (row) {
      row.classList.add("focused");
      row.setAttribute("aria-current", "true");
    }
    var trigger = event.detail.requestConfig && event.detail.requestConfig.elt;
    if (trigger && trigger.closest && trigger.closest(".event-list")) {
      var title = target.querySelector(".card-title");
      if (title) title.focus({ preventScroll: false });
    }
  });
})();
