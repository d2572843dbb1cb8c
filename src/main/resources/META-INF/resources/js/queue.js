// The moderation queue's script. The live queue: when any instance announces a changed item, re-read this tab's list;
// the subject picker's names, fetched when first wanted. Progressive enhancement only: without it the page works by
// reloading, and the subject field takes a typed name or address.
(function () {
  "use strict";
  // the subject picker's names, fetched when the field is first used (the browser keeps them a minute)
  var subject = document.getElementById("f-subject");
  var names = document.getElementById("f-subjects");
  if (subject && names && names.dataset.src && window.fetch) {
    subject.addEventListener("focus", function () {
      fetch(names.dataset.src, { credentials: "same-origin", headers: { "Accept": "text/html" } })
        .then(function (response) {
          return response.ok ? response.text() : "";
        })
        .then(function (html) {
          names.innerHTML = html;
        })
        .catch(function () {
          // the field still takes a typed name or address
        });
    }, { once: true });
  }

  var queue = document.getElementById("queue");
  if (!queue || !window.EventSource || !window.fetch) {
    return;
  }
  var live = document.getElementById("queue-live");
  var pending = null;

  function refresh() {
    pending = null;
    fetch(queue.dataset.list, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.text();
      })
      .then(function (html) {
        // what the moderator selected for a bulk action stays selected
        var checked = Array.prototype.map.call(queue.querySelectorAll("input[name=items]:checked"), function (box) {
          return box.id;
        });
        queue.innerHTML = html;
        checked.forEach(function (id) {
          var box = document.getElementById(id);
          if (box) {
            box.checked = true;
          }
        });
        if (live) {
          live.textContent = live.dataset.updated || "Queue updated";
          live.dataset.at = Date.now();
        }
      })
      .catch(function () {
        if (live) {
          live.textContent = live.dataset.failed || "Could not refresh; reload the page";
        }
      });
  }

  var source = new EventSource(queue.dataset.events);
  source.onopen = function () {
    queue.dataset.live = "on";
  };
  source.onmessage = function (event) {
    if (event.data === "ping" || event.data === "ready") {
      return;
    }
    if (pending === null) {
      pending = window.setTimeout(refresh, 150); // several changes at once: one re-read
    }
  };
})();
