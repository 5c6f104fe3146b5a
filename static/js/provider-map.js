// Small map of a provider's addresses: progressive enhancement over the addresses in the page text.
// Data come from json_script elements; nothing is inserted as HTML.
(function () {
  "use strict";
  var container = document.getElementById("provider-map");
  var pointsNode = document.getElementById("provider-map-points");
  var configNode = document.getElementById("provider-map-config");
  if (!container || !pointsNode || !configNode || typeof window.L === "undefined") {
    return;
  }
  var points = JSON.parse(pointsNode.textContent);
  var config = JSON.parse(configNode.textContent);
  if (!points.length) {
    return;
  }
  container.hidden = false;
  var map = window.L.map(container, { scrollWheelZoom: false });
  window.L.tileLayer(config.tiles, { maxZoom: config.maxZoom, attribution: config.attribution }).addTo(map);

  // The default marker with its images' own URLs (hashed in production: Leaflet cannot guess them).
  var defaults = window.L.Icon.Default.prototype.options;
  var icon = config.marker ? window.L.icon(window.L.Util.extend({}, defaults, config.marker)) : new window.L.Icon.Default();
  var bounds = [];
  points.forEach(function (point) {
    var label = [point.name, point.address].filter(Boolean).join(": ");
    var popup = document.createElement("div");
    var title = document.createElement("strong");
    title.textContent = point.name || point.address;
    popup.appendChild(title);
    if (point.name) {
      popup.appendChild(document.createElement("br"));
      popup.appendChild(document.createTextNode(point.address));
    }
    if (point.approximate) {
      var note = document.createElement("p");
      note.textContent = container.getAttribute("data-approximate-note") || "";
      popup.appendChild(note);
    }
    window.L.marker([point.lat, point.lon], { icon: icon, title: label, alt: label, keyboard: true })
      .bindPopup(popup)
      .addTo(map);
    bounds.push([point.lat, point.lon]);
  });
  if (bounds.length === 1) {
    map.setView(bounds[0], points[0].approximate ? 11 : 15);
  } else {
    map.fitBounds(bounds, { padding: [30, 30], maxZoom: 15 });
  }
})();
