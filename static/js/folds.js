/* Parts that a phone folds behind a <details> (the main menu, the library's filters) are always open on wide
   screens. Browsers that style ::details-content do that in CSS; for the others this opens them once on load. */
(function () {
  "use strict";
  var styled = window.CSS && CSS.supports && CSS.supports("selector(::details-content)");
  if (styled || !window.matchMedia("(min-width: 48.0625rem)").matches) return;
  var folds = document.querySelectorAll("details[data-open-wide]");
  for (var i = 0; i < folds.length; i++) folds[i].open = true;
})();
