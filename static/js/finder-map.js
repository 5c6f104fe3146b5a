// The finder's map: a progressive enhancement over the list. Server-side clusters and points from
// /api/v1/providers/map, as focusable buttons with names («12 организаций»); a cluster zooms in on its points;
// moving the map narrows the list to the map area; a marker and its card highlight each other.
(function () {
  "use strict";
  var finder = window.Finder;
  var container = document.getElementById("finder-map");
  if (!finder || !container || typeof window.L === "undefined") {
    return; // no map: the list has everything
  }
  var L = window.L;
  var box = document.querySelector("[data-finder-mapbox]");
  var notice = document.querySelector("[data-finder-map-notice]");
  var areaReset = document.querySelector("[data-finder-area]");
  var config = finder.config();
  var labels = config.labels;
  var plural = new Intl.PluralRules("ru-RU");
  var markers = {};
  var programmatic = false;
  var requestId = 0;
  var tileErrors = 0;
  var pending = false;
  var lastRequest = "";

  box.hidden = false;
  var map = L.map(container, { keyboard: true, zoomSnap: 1, worldCopyJump: true, maxZoom: config.maxZoom });
  map.attributionControl.setPrefix(false);
  var tiles = L.tileLayer(config.tiles, { maxZoom: config.maxZoom, attribution: config.attribution }).addTo(map);
  tiles.on("tileerror", function () {
    tileErrors += 1;
    if (tileErrors === 3) {
      notice.textContent = labels.tilesFailed;
    }
  });
  var layer = L.layerGroup().addTo(map);
  var youLayer = L.layerGroup().addTo(map);

  function countLabel(forms, count) {
    return (forms[plural.select(count)] || forms.other).replace("%(count)s", count.toLocaleString("ru-RU"));
  }

  // Moving without dragging: four buttons (keyboard users also have the arrow keys and +/-).
  var Pan = L.Control.extend({
    options: { position: "topleft" },
    onAdd: function () {
      var wrap = L.DomUtil.create("div", "finder-pan leaflet-bar");
      [["up", "↑", 0, -1], ["left", "←", -1, 0], ["right", "→", 1, 0], ["down", "↓", 0, 1]].forEach(function (spec) {
        var button = L.DomUtil.create("button", "", wrap);
        button.type = "button";
        button.setAttribute("data-pan", spec[0]);
        button.setAttribute("aria-label", labels["pan" + spec[0].charAt(0).toUpperCase() + spec[0].slice(1)]);
        button.textContent = spec[1];
        L.DomEvent.on(button, "click", function (event) {
          L.DomEvent.stop(event);
          var size = map.getSize();
          map.panBy([spec[2] * size.x * 0.4, spec[3] * size.y * 0.4]);
        });
      });
      L.DomEvent.disableClickPropagation(wrap);
      return wrap;
    },
  });
  new Pan().addTo(map);

  function setView(view) {
    if (!visible()) {
      pending = true;
      return;
    }
    programmatic = true;
    if (view && view.bounds) {
      var b = view.bounds;
      map.fitBounds([[b[1], b[0]], [b[3], b[2]]], { padding: [20, 20], maxZoom: 14, animate: false });
    } else {
      map.setView([61, 95], 3, { animate: false });
    }
    youLayer.clearLayers();
    if (view && view.place) {
      L.marker([view.place.lat, view.place.lon], {
        icon: L.divIcon({ className: "finder-you", iconSize: [16, 16] }),
        keyboard: false,
        interactive: false,
        title: labels.yourPlace,
      }).addTo(youLayer);
    }
  }

  function bboxText() {
    var b = map.getBounds();
    var west = Math.max(-180, b.getWest()), east = Math.min(180, b.getEast());
    if (b.getEast() - b.getWest() >= 360) {
      west = -180;
      east = 180;
    } else {
      west = L.Util.wrapNum(b.getWest(), [-180, 180], true);
      east = L.Util.wrapNum(b.getEast(), [-180, 180], true);
    }
    var south = Math.max(-85, b.getSouth()), north = Math.min(85, b.getNorth());
    return [west, south, east, north].map(function (value) {
      return value.toFixed(5);
    }).join(",");
  }

  function highlightCard(id, on) {
    var card = document.getElementById("place-" + id);
    if (card) {
      card.classList.toggle("is-highlighted", on);
    }
  }

  function accessible(marker, name) {
    var element = marker.getElement();
    if (!element) {
      return;
    }
    element.setAttribute("role", "button");
    element.setAttribute("tabindex", "0");
    element.setAttribute("aria-label", name);
    element.removeAttribute("title");
    // Enter and Space activate it, as any button (Leaflet itself only maps a keypress of Enter).
    element.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        event.stopPropagation();
        marker.fire("click");
      }
    });
    element.addEventListener("keypress", function (event) {
      event.stopPropagation();
    });
  }

  function addCluster(feature) {
    var count = feature.properties.count;
    var size = count < 10 ? 34 : count < 100 ? 40 : count < 1000 ? 48 : 56;
    var icon = document.createElement("span");
    icon.textContent = count < 10000 ? String(count) : Math.round(count / 1000) + "k";
    var coords = feature.geometry.coordinates;
    var name = countLabel(labels.cluster, count) + ". " + labels.clusterHint;
    var marker = L.marker([coords[1], coords[0]], {
      icon: L.divIcon({ className: "finder-cluster", html: icon, iconSize: [size, size] }),
      keyboard: true,
      title: name,
    });
    marker.on("click", function () {
      var b = feature.bbox;
      var flat = Math.abs(b[2] - b[0]) < 1e-4 && Math.abs(b[3] - b[1]) < 1e-4;
      if (flat) {
        map.setView([coords[1], coords[0]], Math.min(map.getZoom() + 3, config.maxZoom));
      } else {
        map.fitBounds([[b[1], b[0]], [b[3], b[2]]], { padding: [30, 30], maxZoom: config.maxZoom });
      }
      container.focus({ preventScroll: true });
    });
    marker.addTo(layer);
    accessible(marker, name);
  }

  function addPoint(feature) {
    var p = feature.properties;
    var coords = feature.geometry.coordinates;
    var name = p.branch ? p.name + ", " + p.branch : p.name;
    var marker = L.marker([coords[1], coords[0]], {
      icon: L.divIcon({ className: "finder-pin", iconSize: [24, 24] }),
      keyboard: true,
      title: name,
    });
    var popup = document.createElement("div");
    popup.className = "finder-popup";
    var link = document.createElement("a");
    link.href = p.url;
    link.textContent = p.name;
    popup.appendChild(link);
    if (p.branch) {
      popup.appendChild(document.createElement("br"));
      popup.appendChild(document.createTextNode(p.branch));
    }
    marker.bindPopup(popup);
    marker.on("mouseover focus", function () {
      highlightCard(feature.id, true);
    });
    marker.on("mouseout blur", function () {
      highlightCard(feature.id, false);
    });
    marker.addTo(layer);
    markers[feature.id] = marker;
    accessible(marker, name);
    var element = marker.getElement();
    element.addEventListener("focus", function () {
      highlightCard(feature.id, true);
    });
    element.addEventListener("blur", function () {
      highlightCard(feature.id, false);
    });
  }

  function visible() {
    return container.offsetWidth > 0 && container.offsetHeight > 0;
  }

  function load() {
    if (!visible()) {
      pending = true; // loaded when the map is shown (narrow screens: the map/list switch)
      return;
    }
    pending = false;
    var params = finder.params();
    ["page", "bbox", "fragment"].forEach(function (name) {
      params.delete(name);
    });
    params.set("bbox", bboxText());
    params.set("zoom", String(map.getZoom()));
    if (params.toString() === lastRequest) {
      return; // the same view and filters: the points on the map are current
    }
    lastRequest = params.toString();
    var id = ++requestId;
    container.setAttribute("aria-busy", "true");
    fetch(config.mapApi + "?" + params.toString(), { headers: { Accept: "application/geo+json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (collection) {
        if (id !== requestId) {
          return;
        }
        layer.clearLayers();
        markers = {};
        collection.features.forEach(function (feature) {
          (feature.properties.cluster ? addCluster : addPoint)(feature);
        });
        container.setAttribute("data-total", String(collection.total));
        if (tileErrors < 3) {
          notice.textContent = "";
        }
      })
      .catch(function () {
        lastRequest = "";
        notice.textContent = labels.failed;
      })
      .finally(function () {
        container.removeAttribute("aria-busy");
      });
  }

  map.on("moveend", function () {
    load();
    if (programmatic || !visible()) {
      programmatic = false;
      return;
    }
    // The visitor moved the map: the list follows the map area.
    var params = finder.params();
    params.delete("page");
    params.set("bbox", bboxText());
    areaReset.hidden = false;
    finder.update(params, { source: "map", replace: true });
  });

  areaReset.addEventListener("click", function () {
    var params = finder.params();
    params.delete("bbox");
    params.delete("page");
    areaReset.hidden = true;
    finder.update(params, { focusResults: true });
  });

  // Cards highlight their marker.
  var list = document.getElementById("finder-list");
  ["mouseover", "focusin"].forEach(function (type) {
    list.addEventListener(type, function (event) {
      var card = event.target.closest(".finder-card");
      Object.keys(markers).forEach(function (key) {
        var element = markers[key].getElement();
        if (element) {
          element.classList.toggle("is-highlighted", !!card && card.getAttribute("data-location-id") === key);
        }
      });
    });
  });

  document.addEventListener("finder:updated", function (event) {
    config = event.detail.config || config;
    if (event.detail.source === "map") {
      return;
    }
    areaReset.hidden = !event.detail.params.get("bbox");
    setView(config.view);
    load();
  });

  // Narrow screens: a list/map switch.
  var switcher = document.querySelector("[data-finder-switch]");
  if (switcher) {
    switcher.hidden = false;
    switcher.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-view]");
      if (!button) {
        return;
      }
      var mapView = button.getAttribute("data-view") === "map";
      finder.root.classList.toggle("is-map-view", mapView);
      switcher.querySelectorAll("button[data-view]").forEach(function (other) {
        other.setAttribute("aria-pressed", other === button ? "true" : "false");
      });
      if (mapView) {
        map.invalidateSize();
        if (pending) {
          setView(config.view);
          load();
        }
      }
    });
  }

  areaReset.hidden = !finder.params().get("bbox");
  setView(config.view);
  if (!programmatic) {
    load();
  }
  window.FinderMap = map;
})();
