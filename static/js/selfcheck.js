// The self-check's small conveniences; every page works without them.
// «Рядом со мной»: the browser's location (rounded to about a kilometre) goes into the hidden `near` field;
// «Скопировать ссылку» and «Распечатать» on the result.
(function () {
  "use strict";

  function say(node, text) {
    if (node) {
      node.textContent = text;
    }
  }

  document.querySelectorAll("[data-selfcheck-place]").forEach(function (place) {
    var button = place.querySelector("[data-selfcheck-locate]");
    var near = place.querySelector("[data-selfcheck-near]");
    var status = place.querySelector("[data-selfcheck-locate-status]");
    if (!button || !near || !navigator.geolocation) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      say(status, button.getAttribute("data-working"));
      navigator.geolocation.getCurrentPosition(
        function (position) {
          near.value = position.coords.latitude.toFixed(2) + "," + position.coords.longitude.toFixed(2);
          say(status, button.getAttribute("data-found"));
        },
        function () {
          near.value = "";
          say(status, button.getAttribute("data-failed"));
        },
        { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 }
      );
    });
  });

  var copy = document.querySelector("[data-selfcheck-copy]");
  var share = document.getElementById("selfcheck-share");
  var copyStatus = document.querySelector("[data-selfcheck-copy-status]");
  if (copy && share && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(share.value).then(
        function () {
          say(copyStatus, copy.getAttribute("data-done"));
        },
        function () {
          share.select();
        }
      );
    });
  }
  var print = document.querySelector("[data-selfcheck-print]");
  if (print) {
    print.hidden = false;
    print.addEventListener("click", function () {
      window.print();
    });
  }
})();
