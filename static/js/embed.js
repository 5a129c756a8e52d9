/* /embed/ deep links: open and show the event named by ?event=<id> or #event-<id>.
 *
 * Inside an iframe the host page's URL is not ours, so the state lives in the iframe's
 * own URL: opening a card records ?event=<id>#event-<id> with replaceState (a reload
 * keeps it) and tells the host page by postMessage, which may mirror it in its URL.
 */
(function () {
  "use strict";

  function targetId() {
    var hash = /^#event-(\d+)$/.exec(window.location.hash);
    if (hash) return hash[1];
    return new URLSearchParams(window.location.search).get("event");
  }

  function show(id, scroll) {
    var item = document.getElementById("event-" + id);
    if (!item) return;
    document.querySelectorAll(".embed-event.is-target").forEach(function (el) {
      if (el !== item) el.classList.remove("is-target");
    });
    item.classList.add("is-target");
    var details = item.querySelector("details");
    if (details) details.open = true;
    if (scroll) item.scrollIntoView({ block: "start" });
  }

  function record(id) {
    var url = new URL(window.location.href);
    url.searchParams.set("event", id);
    url.hash = "event-" + id;
    window.history.replaceState(null, "", url.pathname + url.search + url.hash);
    if (window.parent !== window) {
      window.parent.postMessage({ type: "newsline:event", id: id, url: url.href }, "*");
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var id = targetId();
    if (id) show(id, true);
    document.querySelectorAll(".embed-event > details").forEach(function (details) {
      details.addEventListener("toggle", function () {
        if (details.open) {
          var id = details.parentElement.dataset.event;
          show(id, false);
          record(id);
        }
      });
    });
  });

  window.addEventListener("hashchange", function () {
    var id = targetId();
    if (id) show(id, true);
  });
})();
