// Deadlines are written by the server in Brussels time (<time datetime="…Z" data-local-time>).
// Where the reader's own time zone shows another time for that instant, this adds it after the
// deadline, "(your time: …)", in the page's language. Without it the page says everything.
(function () {
  "use strict";
  var ZONE = "Europe/Brussels";
  var PARTS = {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit"
  };
  if (!window.Intl || !Intl.DateTimeFormat) {
    return;
  }
  var language = document.documentElement.lang || undefined;
  var inBrussels, here, shown;
  try {
    inBrussels = new Intl.DateTimeFormat("en", Object.assign({ timeZone: ZONE }, PARTS));
    here = new Intl.DateTimeFormat("en", PARTS);
    shown = new Intl.DateTimeFormat(language, Object.assign({ timeZoneName: "short" }, PARTS));
  } catch (error) {
    return;
  }
  var times = document.querySelectorAll("time[data-local-time]");
  Array.prototype.forEach.call(times, function (element) {
    var instant = new Date(element.getAttribute("datetime"));
    if (isNaN(instant.getTime()) || inBrussels.format(instant) === here.format(instant)) {
      return;
    }
    var note = document.createElement("span");
    note.className = "local-time";
    note.textContent = " " + element.getAttribute("data-local-time").replace(
      "{time}",
      shown.format(instant)
    );
    // After "(Brussels time)", at the end of the deadline's own span.
    var holder = element.closest(".deadline-when") || element.parentNode;
    holder.appendChild(note);
  });
})();
