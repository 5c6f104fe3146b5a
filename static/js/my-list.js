// «Мой список»: «Сохранить» without reloading the page (the forms work without JavaScript too),
// printing, and copying the link to the list.
(function () {
  "use strict";
  var stringsNode = document.getElementById("my-list-strings");
  var strings = stringsNode ? JSON.parse(stringsNode.textContent) : {};
  var status = document.getElementById("my-list-status");

  function say(text) {
    if (status) {
      status.textContent = "";
      window.setTimeout(function () {
        status.textContent = text;
      }, 50);
    }
  }

  document.addEventListener("submit", function (event) {
    var form = event.target.closest("form[data-save-form]");
    if (!form || !window.fetch) {
      return;
    }
    event.preventDefault();
    var data = new FormData(form);
    var token = data.get("csrfmiddlewaretoken") || "";
    // Not form.action: the form's own <input name="action"> shadows that property.
    fetch(form.getAttribute("action"), {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-CSRFToken": token },
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (body) {
        document.querySelectorAll("[data-mylist-count]").forEach(function (node) {
          node.textContent = body.count ? "(" + body.count + ")" : "";
        });
        var action = form.querySelector('input[name="action"]');
        var button = form.querySelector("button");
        var item = form.closest(".my-list__item");
        if (item && !body.saved) {
          item.remove();
          say(strings.removed || "");
          return;
        }
        action.value = body.saved ? "remove" : "add";
        button.classList.toggle("save-form__button--saved", body.saved);
        button.firstChild.textContent = body.saved ? strings.remove : strings.save;
        say(body.saved ? strings.saved : body.full ? strings.full : strings.removed);
      })
      .catch(function () {
        form.submit(); // the plain form always works
      });
  });

  var print = document.querySelector("[data-my-list-print]");
  if (print && window.print) {
    print.hidden = false;
    print.addEventListener("click", function () {
      window.print();
    });
  }
  var copy = document.querySelector("[data-my-list-copy]");
  var link = document.getElementById("my-list-link");
  var copied = document.querySelector("[data-my-list-copied]");
  if (copy && link && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(link.value).then(
        function () {
          copied.textContent = strings.copied;
        },
        function () {
          link.select();
        }
      );
    });
  }
})();
