/* The events both peer pages draw: data/events-N.json for ?n=N (written by bench/run.py
   from the same database the Newsline page reads). */
function loadEvents() {
  var n = new URLSearchParams(window.location.search).get("n") || "1000";
  return fetch("data/events-" + n + ".json").then(function (r) { return r.json(); });
}
