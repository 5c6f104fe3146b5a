// Registry import: poll the job's status, update the progress bar, show the result when it is done.
(function () {
  "use strict";
  var box = document.getElementById("import-progress");
  if (!box) return;
  var bar = document.getElementById("import-progress-bar");
  var text = document.getElementById("import-progress-text");
  var words = document.getElementById("import-progress-words").dataset;

  function fill(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_, name) {
      return String(values[name]);
    });
  }

  function show(data) {
    if (!data.running) {
      window.location.reload();
      return;
    }
    if (data.phase === "queued") {
      text.textContent = words.queued;
      return;
    }
    bar.max = Math.max(data.total, 1);
    bar.value = data.done;
    var parts = [fill(words.rows, { done: data.done, total: data.total })];
    if (data.rate) parts.push(fill(words.rate, { rate: data.rate }));
    if (data.seconds_left !== null && data.seconds_left !== undefined) {
      parts.push(fill(words.left, { left: data.seconds_left }));
    }
    var phase = { write: words.write, check: words.check }[data.phase] || words.read;
    text.textContent = phase + ": " + parts.join(", ");
  }

  function poll() {
    fetch(box.dataset.statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.json();
      })
      .then(function (data) {
        show(data);
        if (data.running) window.setTimeout(poll, 1000);
      })
      .catch(function () {
        window.setTimeout(poll, 3000);
      });
  }
  window.setTimeout(poll, 500);
})();
