// The header menu works without this file (a <details>); with it, Escape closes the open menu
// and gives the focus back to its button, and a browser that cannot style ::details-content
// gets the menu opened on a wide screen, where the stylesheet shows it as the header's rows.
(function () {
  "use strict";
  var menu = document.querySelector(".site-menu");
  if (!menu) {
    return;
  }
  var summary = menu.querySelector("summary");
  menu.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && menu.open && summary.offsetParent !== null) {
      menu.open = false;
      summary.focus();
    }
  });
  if (window.CSS && CSS.supports && !CSS.supports("selector(::details-content)")) {
    var wide = window.matchMedia("(min-width: 72rem)");
    var follow = function () {
      menu.open = wide.matches;
    };
    follow();
    wide.addEventListener("change", follow);
  }
})();
