/* The share / embed dialog: copy the link or the iframe snippet to the clipboard.
 * Without JS (or clipboard permission) the fields stay selectable by hand. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) return;
    var field = document.getElementById(button.dataset.copy);
    var status = button.closest(".share").querySelector(".share-status");
    if (!field) return;
    function done(ok) {
      if (status) status.textContent = ok ? button.dataset.copied || "✓" : "";
    }
    field.select();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(function () { done(true); }, function () {
        done(document.execCommand("copy"));
      });
    } else {
      done(document.execCommand("copy"));
    }
  });
})();
