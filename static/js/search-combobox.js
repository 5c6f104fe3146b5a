/* The header search box as a WAI-ARIA combobox with a listbox of suggestions (titles of pages, materials and
   services). Without this script the box is a plain form that submits to /search/?q=. */
(function () {
  "use strict";

  var DEBOUNCE_MS = 200;
  var MIN_LENGTH = 2;

  function enhance(form) {
    var input = form.querySelector("input[name=q]");
    if (!input) { return; }
    var listId = input.id + "-listbox";
    var list = document.createElement("ul");
    var status = document.createElement("div");
    var timer = null;
    var controller = null;
    var options = [];
    var active = -1;

    list.id = listId;
    list.className = "site-search__listbox";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", form.querySelector("label").textContent);
    list.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    form.appendChild(list);
    form.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    function announce(count) {
      var text = count === 0 ? form.dataset.textNone : count === 1 ? form.dataset.textOne
        : form.dataset.textMany.replace("%(n)s", String(count));
      status.textContent = text;
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function go(option) {
      if (option.dataset.url) {
        window.location.assign(option.dataset.url);
      } else {
        form.submit();
      }
    }

    function render(items, query) {
      list.textContent = "";
      options = [];
      items.forEach(function (item, i) {
        var li = document.createElement("li");
        var title = document.createElement("span");
        var kind = document.createElement("span");
        li.id = listId + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.className = "site-search__option";
        li.dataset.url = item.url;
        title.className = "site-search__option-title";
        title.textContent = item.title;
        kind.className = "site-search__option-kind";
        kind.textContent = form.dataset["kind" + item.kind.charAt(0).toUpperCase() + item.kind.slice(1)] || "";
        li.appendChild(title);
        li.appendChild(kind);
        list.appendChild(li);
        options.push(li);
      });
      var all = document.createElement("li");
      all.id = listId + "-all";
      all.setAttribute("role", "option");
      all.setAttribute("aria-selected", "false");
      all.className = "site-search__option site-search__option--all";
      all.textContent = form.dataset.textAll.replace("%(q)s", query);
      list.appendChild(all);
      options.push(all);
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      active = -1;
      announce(items.length);
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query.length < MIN_LENGTH) { close(); return; }
      if (controller) { controller.abort(); }
      controller = new AbortController();
      fetch(form.dataset.suggestUrl + "?q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" }, signal: controller.signal
      }).then(function (response) {
        return response.ok ? response.json() : { suggestions: [] };
      }).then(function (data) {
        if (input.value.trim() === query && document.activeElement === input) {
          render(data.suggestions || [], query);
        }
      }).catch(function () { /* offline or aborted: the plain form still works */ });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DEBOUNCE_MS);
    });

    input.addEventListener("keydown", function (event) {
      var expanded = !list.hidden && options.length > 0;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!expanded) { fetchSuggestions(); return; }
        highlight(active + 1 >= options.length ? 0 : active + 1);
      } else if (event.key === "ArrowUp") {
        if (!expanded) { return; }
        event.preventDefault();
        highlight(active <= 0 ? options.length - 1 : active - 1);
      } else if (event.key === "Enter") {
        if (expanded && active >= 0) {
          event.preventDefault();
          go(options[active]);
        }
      } else if (event.key === "Escape") {
        if (expanded) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = "";
        }
      } else if (event.key === "Tab") {
        close();
      }
    });

    list.addEventListener("mousedown", function (event) { event.preventDefault(); });
    list.addEventListener("click", function (event) {
      var option = event.target.closest("[role=option]");
      if (option) { go(option); }
    });
    input.addEventListener("blur", function () { window.setTimeout(close, 100); });
  }

  document.querySelectorAll("form[data-search-combobox]").forEach(enhance);
}());
