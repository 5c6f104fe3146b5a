/* Location picker for the registry editor: a Leaflet map bound to the latitude/longitude inputs of one
   location form, plus gazetteer suggestions for the typed locality. Works for inline forms added later. */
(function () {
  "use strict";

  function byId(id) {
    return id ? document.getElementById(id) : null;
  }

  function round6(value) {
    return Math.round(value * 1e6) / 1e6;
  }

  function setValue(input, value) {
    if (!input) return;
    input.value = value;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function initPicker(container) {
    if (container.dataset.ready) return;
    container.dataset.ready = "1";
    var ownInput = byId(container.dataset.inputId);
    if (!ownInput) return;
    var prefix = ownInput.id.replace(/(latitude|longitude)$/, "");
    var latInput = byId(prefix + "latitude");
    var lonInput = byId(prefix + "longitude");
    if (!latInput || !lonInput) return;
    var sourceInput = byId(prefix + "coordinates_source");
    var approxInput = byId(prefix + "coordinates_approximate");
    var localityInput = byId(prefix + "locality");
    var regionInput = byId(prefix + "region");
    var mapElement = container.querySelector(".location-picker__map");
    var suggestions = container.querySelector(".location-picker__suggestions");
    var list = suggestions.querySelector("ul");
    var map = null;
    var marker = null;

    function currentPoint() {
      var lat = parseFloat(latInput.value);
      var lon = lonInput ? parseFloat(lonInput.value) : NaN;
      return isNaN(lat) || isNaN(lon) ? null : [lat, lon];
    }

    // `zoom` recentres the map (for points typed or picked from the gazetteer); clicks and drags keep the view.
    function showPoint(point, zoom) {
      if (!map || !point) return;
      if (!marker) {
        marker = L.marker(point, { draggable: true, keyboard: true, alt: container.dataset.textMarker }).addTo(map);
        marker.on("dragend", function () {
          var p = marker.getLatLng();
          setPoint(p.lat, p.lng, "editor", false);
        });
      } else {
        marker.setLatLng(point);
      }
      if (zoom) map.setView(point, zoom);
    }

    function setPoint(lat, lon, source, approximate, zoom) {
      setValue(latInput, round6(lat));
      setValue(lonInput, round6(lon));
      if (sourceInput) setValue(sourceInput, source);
      if (approxInput) approxInput.checked = approximate;
      showPoint([lat, lon], zoom);
    }

    function createMap() {
      if (map || typeof L === "undefined") return;
      var point = currentPoint();
      var center = point || [parseFloat(container.dataset.centerLat), parseFloat(container.dataset.centerLon)];
      map = L.map(mapElement, { scrollWheelZoom: false }).setView(center, point ? 14 : 5);
      L.tileLayer(container.dataset.tileUrl, {
        maxZoom: 18,
        attribution: container.dataset.attribution,
      }).addTo(map);
      map.on("click", function (event) {
        setPoint(event.latlng.lat, event.latlng.lng, "editor", false);
      });
      if (point) showPoint(point, 14);
    }

    // Maps in hidden tabs have no size: create the map when it first becomes visible, refit afterwards.
    if ("IntersectionObserver" in window) {
      new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          if (!entry.isIntersecting) return;
          createMap();
          if (map) map.invalidateSize();
        });
      }).observe(mapElement);
    } else {
      createMap();
    }

    function onTypedCoordinates() {
      var point = currentPoint();
      if (!point) return;
      if (sourceInput) sourceInput.value = "editor";
      showPoint(point, Math.max(map ? map.getZoom() : 12, 12));
    }
    latInput.addEventListener("input", onTypedCoordinates);
    if (lonInput) lonInput.addEventListener("input", onTypedCoordinates);

    function renderSuggestions(results, message) {
      list.innerHTML = "";
      suggestions.hidden = false;
      if (!results.length) {
        var item = document.createElement("li");
        item.textContent = message || container.dataset.textNone;
        list.appendChild(item);
        return;
      }
      results.forEach(function (result) {
        var item = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "button button-small button-secondary";
        button.textContent =
          result.name + (result.region ? " (" + result.region + ")" : "") + ": " + result.lat + ", " + result.lon;
        button.setAttribute("aria-label", container.dataset.textUse + ": " + button.textContent);
        button.addEventListener("click", function () {
          setPoint(result.lat, result.lon, "gazetteer", true, 12);
          suggestions.hidden = true;
        });
        item.appendChild(button);
        list.appendChild(item);
      });
    }

    var timer = null;
    var lastQuery = "";
    function lookup() {
      var query = localityInput.value.trim();
      if (query.length < 2 || query === lastQuery) return;
      lastQuery = query;
      var url = container.dataset.lookupUrl + "?q=" + encodeURIComponent(query);
      if (regionInput && regionInput.value) url += "&region_id=" + encodeURIComponent(regionInput.value);
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.json().then(function (body) {
            return { ok: response.ok, body: body };
          });
        })
        .then(function (reply) {
          if (reply.ok) renderSuggestions(reply.body.results || []);
          else renderSuggestions([], reply.body.error || container.dataset.textFailed);
        })
        .catch(function () {
          renderSuggestions([], container.dataset.textFailed);
        });
    }
    if (localityInput) {
      localityInput.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(lookup, 400);
      });
      localityInput.addEventListener("change", lookup);
    }
    if (regionInput) {
      regionInput.addEventListener("change", function () {
        lastQuery = "";
        if (localityInput && localityInput.value.trim()) lookup();
      });
    }
  }

  function initAll(root) {
    (root || document).querySelectorAll("[data-location-picker]").forEach(initPicker);
  }

  document.addEventListener("DOMContentLoaded", function () {
    initAll(document);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        mutation.addedNodes.forEach(function (node) {
          if (node.nodeType === 1) {
            if (node.matches("[data-location-picker]")) initPicker(node);
            else initAll(node);
          }
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
  });
})();
