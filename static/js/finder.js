// The provider finder: the server-rendered page, updated in place through the same URL parameters.
// Filters apply as they change, pages and chips load without a reload, the URL keeps the whole state
// (so a search can be shared), and the back button works. Without JavaScript the form submits as usual.
(function () {
  "use strict";
  var root = document.getElementById("finder");
  var form = document.getElementById("finder-form");
  if (!root || !form || !window.fetch || !window.URLSearchParams || !window.DOMParser) {
    return;
  }
  var listUrl = form.getAttribute("action");
  var current = clean(new URLSearchParams(window.location.search));
  var controller = null;
  var timer = null;
  var announcer = document.getElementById("finder-announce");

  function clean(params) {
    var out = new URLSearchParams();
    params.forEach(function (value, key) {
      if (value !== "" && key !== "fragment") {
        out.append(key, value);
      }
    });
    return out;
  }

  function formParams() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      params.append(key, value);
    });
    return clean(params);
  }

  function readConfig(doc) {
    var node = (doc || document).getElementById("finder-map-config");
    return node ? JSON.parse(node.textContent) : null;
  }

  function replaceChildren(id, doc) {
    var target = document.getElementById(id);
    var source = doc.getElementById(id);
    if (target && source) {
      target.replaceChildren.apply(target, Array.prototype.slice.call(source.childNodes).map(function (node) {
        return document.importNode(node, true);
      }));
    }
  }

  function copyFormState(doc) {
    // Counts in the option labels, the flags and the summary; hidden inputs (near, bbox, age) as the server sees them.
    form.querySelectorAll("select[data-facet]").forEach(function (select) {
      var fresh = doc.getElementById(select.id);
      if (!fresh) {
        return;
      }
      Array.prototype.forEach.call(select.options, function (option, index) {
        if (fresh.options[index] && fresh.options[index].value === option.value) {
          option.textContent = fresh.options[index].textContent;
        }
      });
    });
    form.querySelectorAll("[data-facet-flag]").forEach(function (badge) {
      var fresh = doc.querySelector('[data-facet-flag="' + badge.getAttribute("data-facet-flag") + '"]');
      badge.textContent = fresh ? fresh.textContent : "";
    });
    var summary = form.querySelector(".finder-filters__summary");
    var freshSummary = doc.querySelector(".finder-filters__summary");
    if (summary && freshSummary) {
      summary.textContent = freshSummary.textContent;
    }
    ["near", "bbox", "age"].forEach(function (name) {
      var mine = form.querySelector('input[type="hidden"][name="' + name + '"]');
      var fresh = doc.querySelector('#finder-form input[type="hidden"][name="' + name + '"]');
      if (mine && !fresh) {
        mine.remove();
      } else if (fresh && !mine) {
        form.querySelector(fresh.name === "near" ? ".finder-where__more" : ".finder-filters__body").appendChild(document.importNode(fresh, true));
      } else if (fresh && mine) {
        mine.value = fresh.value;
      }
    });
  }

  function swap(doc) {
    replaceChildren("finder-status", doc);
    replaceChildren("finder-list", doc);
    replaceChildren("finder-count", doc);
    copyFormState(doc);
    var placed = !!doc.querySelector(".finder--placed") || !!doc.querySelector(".finder-place");
    root.classList.toggle("finder--placed", placed);
    document.title = doc.title || document.title;
  }

  function announce() {
    if (announcer) {
      announcer.textContent = "";
      window.setTimeout(function () {
        var heading = document.getElementById("finder-count");
        announcer.textContent = heading ? heading.textContent : "";
      }, 50);
    }
  }

  function update(params, options) {
    options = options || {};
    params = clean(params);
    var url = listUrl + (params.toString() ? "?" + params.toString() : "");
    var fetchParams = new URLSearchParams(params.toString());
    fetchParams.set("fragment", "results");
    if (controller) {
      controller.abort();
    }
    controller = new AbortController();
    root.setAttribute("aria-busy", "true");
    return fetch(listUrl + "?" + fetchParams.toString(), {
      signal: controller.signal,
      credentials: "same-origin",
      headers: { Accept: "text/html" },
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        swap(doc);
        current = params;
        if (!options.fromHistory) {
          window.history[options.replace ? "replaceState" : "pushState"]({ finder: true }, "", url);
        }
        document.dispatchEvent(
          new CustomEvent("finder:updated", { detail: { params: params, config: readConfig(), source: options.source || "" } })
        );
        if (options.focusResults) {
          var heading = document.getElementById("finder-count");
          heading.focus({ preventScroll: true });
          heading.scrollIntoView({ block: "start" });
        }
        announce();
      })
      .catch(function (error) {
        if (error.name !== "AbortError") {
          window.location.assign(url); // the plain page always works
        }
      })
      .finally(function () {
        root.removeAttribute("aria-busy");
      });
  }

  function scheduleFromForm() {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      var params = formParams();
      params.delete("page");
      update(params);
    }, 350);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    var params = formParams();
    params.delete("page");
    update(params, { focusResults: true });
  });

  form.addEventListener("change", function (event) {
    var target = event.target;
    if (!target.name || target.name === "where" || target.name === "q") {
      return; // typed text applies on Enter or the button
    }
    if (target.name === "age_years" || target.name === "age_months") {
      var typedAge = form.querySelector('input[type="hidden"][name="age"]');
      if (typedAge) {
        typedAge.remove();
      }
    }
    scheduleFromForm();
  });

  root.addEventListener("click", function (event) {
    var link = event.target.closest("a");
    if (!link || !root.contains(link) || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) {
      return;
    }
    var local = link.hasAttribute("data-finder-link") || link.closest(".finder-chips, .finder-alternatives, .finder-note");
    if (!local || link.pathname !== window.location.pathname) {
      return;
    }
    event.preventDefault();
    var params = new URLSearchParams(link.search);
    if (link.closest(".finder-alternatives, .finder-note")) {
      var input = document.getElementById("finder-where");
      input.value = params.get("where") || "";
    }
    update(params, { focusResults: true });
  });

  window.addEventListener("popstate", function () {
    update(new URLSearchParams(window.location.search), { fromHistory: true });
  });

  window.Finder = {
    root: root,
    form: form,
    params: function () {
      return new URLSearchParams(current.toString());
    },
    update: update,
    config: readConfig,
  };
})();
