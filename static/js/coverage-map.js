// The coverage map: a circle per locality (area grows with its population, colour = distance band), drawn on a
// canvas over the tiles. A progressive enhancement: the table on the page has every figure. Settings come from
// the json_script element «coverage-map-config»; the localities from /api/v1/coverage/map.
(function () {
  "use strict";
  var container = document.getElementById("coverage-map");
  var configNode = document.getElementById("coverage-map-config");
  var notice = document.querySelector("[data-coverage-map-notice]");
  if (!container || !configNode || typeof window.L === "undefined" || !window.fetch) {
    return;
  }
  var L = window.L;
  var config = JSON.parse(configNode.textContent);
  var labels = config.labels;
  var number = new Intl.NumberFormat("ru-RU");
  var decimal = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 1 });

  container.hidden = false;
  container.setAttribute("role", "region");
  container.setAttribute("aria-label", labels.region);
  var map = L.map(container, { preferCanvas: true, scrollWheelZoom: false, keyboard: true, maxZoom: config.maxZoom });
  map.attributionControl.setPrefix(false);
  map.fitBounds([[41.2, 19.6], [81.9, 180]]);
  var tileErrors = 0;
  L.tileLayer(config.tiles, { maxZoom: config.maxZoom, attribution: config.attribution })
    .on("tileerror", function () {
      tileErrors += 1;
      if (tileErrors === 3) {
        notice.textContent = labels.tilesFailed;
      }
    })
    .addTo(map);
  var renderer = L.canvas({ padding: 0.5 });

  function radius(population) {
    return Math.max(2, Math.min(28, Math.sqrt(population) / 40));
  }

  function describe(row, index) {
    var distance = row[index.distance_km];
    var text = row[index.name] + ": " + number.format(row[index.population]) + " " + labels.people + ". ";
    if (distance === null) {
      return text + labels.noService;
    }
    return text + decimal.format(distance) + " " + labels.km + " (" + labels.bands[row[index.band]] + ")";
  }

  function draw(data) {
    var index = {};
    data.fields.forEach(function (name, position) {
      index[name] = position;
    });
    var bounds = [];
    // Biggest first, so that small places stay visible on top of the cities around them.
    data.rows.forEach(function (row) {
      var point = [row[index.lat], row[index.lon]];
      bounds.push(point);
      L.circleMarker(point, {
        renderer: renderer,
        radius: radius(row[index.population]),
        color: "#333",
        weight: 1,
        fillColor: config.colours[row[index.band]],
        fillOpacity: 0.8,
      })
        .bindTooltip(describe(row, index))
        .addTo(map);
    });
    if (config.region && bounds.length) {
      map.fitBounds(bounds, { padding: [20, 20], maxZoom: 10 });
    }
  }

  var query = [];
  if (config.region) {
    query.push("region=" + encodeURIComponent(config.region));
  }
  if (config.service) {
    query.push("service=" + encodeURIComponent(config.service));
  }
  container.setAttribute("aria-busy", "true");
  fetch(config.layer + (query.length ? "?" + query.join("&") : ""), { headers: { Accept: "application/json" } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      return response.json();
    })
    .then(draw)
    .catch(function () {
      notice.textContent = labels.failed;
    })
    .then(function () {
      container.removeAttribute("aria-busy");
    });
})();
