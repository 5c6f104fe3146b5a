// Printed guidance pages show every answer: open the questions before printing.
(function () {
  "use strict";
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".guidance details").forEach(function (item) {
      item.open = true;
    });
  });
})();
