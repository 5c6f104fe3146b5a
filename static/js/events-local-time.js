/* Online events: beside the event's own time, the time in this device's zone when it differs and the reader has
   not picked a region (the server then writes that region's time itself). A progressive enhancement: without it
   the event's zone and its offset from Moscow are there to read. */
(function () {
  "use strict";
  var source = document.getElementById("events-local-time-strings");
  if (!source || !window.Intl || !Intl.DateTimeFormat) return;
  var strings = JSON.parse(source.textContent);
  var time = new Intl.DateTimeFormat("ru-RU", { hour: "2-digit", minute: "2-digit" });
  var date = new Intl.DateTimeFormat("ru-RU", { day: "numeric", month: "long" });

  // "2026-05-12T10:00:00+10:00" → 600 (minutes east of UTC), as the event's zone gives it
  function declaredOffset(iso) {
    var match = /([+-])(\d{2}):(\d{2})$/.exec(iso);
    return match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : null;
  }

  var spans = document.querySelectorAll("[data-local-time][data-event-start]");
  for (var i = 0; i < spans.length; i++) {
    var span = spans[i];
    var iso = span.getAttribute("data-event-start");
    var start = new Date(iso);
    var end = new Date(span.getAttribute("data-event-end"));
    var own = declaredOffset(iso);
    if (isNaN(start.getTime()) || own === null || -start.getTimezoneOffset() === own) continue;
    var note = document.createElement("span");
    note.className = "event-when__reader";
    note.textContent = strings.label + " (" + strings.zone + "): " + date.format(start) + ", " +
      time.format(start) + "–" + time.format(end);
    span.appendChild(document.createTextNode(" "));
    span.appendChild(note);
  }
})();
