// «Где вы?»: suggestions from the offline gazetteer as an ARIA combobox, and the browser's geolocation.
// Choosing a place sorts the results by distance from it; the place goes into the URL (where= or near=).
(function () {
  "use strict";
  var finder = window.Finder;
  var input = document.getElementById("finder-where");
  var listbox = document.getElementById("finder-where-options");
  var status = document.getElementById("finder-where-status");
  var stringsNode = document.getElementById("finder-strings");
  if (!finder || !input || !listbox || !stringsNode) {
    return;
  }
  var strings = JSON.parse(stringsNode.textContent);
  var api = finder.root.getAttribute("data-places-api");
  var items = [];
  var active = -1;
  var timer = null;
  var controller = null;

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", listbox.id);
  input.setAttribute("aria-expanded", "false");

  function close() {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    var options = listbox.querySelectorAll('[role="option"]');
    active = index;
    options.forEach(function (option, position) {
      option.setAttribute("aria-selected", position === index ? "true" : "false");
    });
    if (index >= 0 && options[index]) {
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function render(results) {
    items = results;
    listbox.replaceChildren();
    results.forEach(function (item, index) {
      var option = document.createElement("li");
      option.id = "finder-where-option-" + index;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.textContent = item.label;
      option.addEventListener("mousedown", function (event) {
        event.preventDefault(); // keep focus in the input
        choose(index);
      });
      listbox.appendChild(option);
    });
    listbox.hidden = !results.length;
    input.setAttribute("aria-expanded", results.length ? "true" : "false");
    active = -1;
    status.textContent = results.length ? strings.suggestions.replace("%(count)s", results.length) : strings.noSuggestions;
  }

  function suggest() {
    var text = input.value.trim();
    if (text.length < 2) {
      close();
      return;
    }
    if (controller) {
      controller.abort();
    }
    controller = new AbortController();
    fetch(api + "?" + new URLSearchParams({ q: text }).toString(), { signal: controller.signal, headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : { results: [] };
      })
      .then(function (body) {
        if (document.activeElement === input) {
          render(body.results || []);
        }
      })
      .catch(function () {});
  }

  function placeParams() {
    var params = finder.params();
    ["near", "where", "bbox", "page"].forEach(function (name) {
      params.delete(name);
    });
    return params;
  }

  function choose(index) {
    var item = items[index];
    if (!item) {
      return;
    }
    input.value = item.label;
    close();
    var params = placeParams();
    params.set("where", item.label);
    if (item.kind === "region") {
      params.set("region", item.region_code);
    }
    finder.update(params, { focusResults: true });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(suggest, 200);
  });
  input.addEventListener("keydown", function (event) {
    var open = !listbox.hidden && items.length;
    if (event.key === "ArrowDown" && open) {
      event.preventDefault();
      highlight(Math.min(active + 1, items.length - 1));
    } else if (event.key === "ArrowUp" && open) {
      event.preventDefault();
      highlight(Math.max(active - 1, 0));
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", function () {
    window.setTimeout(close, 150);
  });

  // Geolocation: only offered where the browser has it.
  var locate = document.querySelector("[data-finder-geolocate]");
  var message = document.querySelector("[data-finder-geolocate-message]");
  if (locate && navigator.geolocation) {
    locate.hidden = false;
    locate.addEventListener("click", function () {
      message.textContent = strings.locating;
      navigator.geolocation.getCurrentPosition(
        function (position) {
          message.textContent = "";
          input.value = "";
          var params = placeParams();
          params.set("near", position.coords.latitude.toFixed(5) + "," + position.coords.longitude.toFixed(5));
          finder.update(params, { focusResults: true });
        },
        function (error) {
          message.textContent = error.code === 1 ? strings.locationDenied : strings.locationFailed;
        },
        { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 }
      );
    });
  }
})();
