// The header's alert badge, live: when this moderator gets a new alert (on any instance), re-read the badge's text.
// Progressive enhancement only: without this script the badge is right at every page load.
(function () {
  "use strict";
  var badge = document.getElementById("alerts-badge");
  if (!badge || !window.EventSource || !window.fetch) {
    return;
  }
  var live = document.createElement("span");
  live.className = "visually-hidden";
  live.setAttribute("role", "status");
  badge.parentNode.appendChild(live);

  function refresh() {
    fetch(badge.dataset.count, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        var count = Number(response.headers.get("X-Alerts") || "0");
        return response.text().then(function (text) {
          badge.textContent = text;
          badge.classList.toggle("has-alerts", count > 0);
          live.textContent = text;
        });
      })
      .catch(function () { /* the next page load shows the right figure */ });
  }

  if (badge.dataset.unknown) {
    refresh(); // a page rendered without reading the database: fetch the figure now
  }

  var source = new EventSource(badge.dataset.events);
  source.onopen = function () {
    badge.dataset.live = "on";
  };
  // on the alerts page itself, the newest alerts are shown as they come (the first page only: older pages stay put)
  function refreshList() {
    var list = document.getElementById("alerts-list");
    if (!list || window.location.search.indexOf("before=") >= 0 || !window.DOMParser) {
      return;
    }
    fetch("/moderation/alerts", { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("alerts-list");
        if (fresh) {
          list.innerHTML = fresh.innerHTML;
        }
      })
      .catch(function () { /* a reload shows them */ });
  }

  source.onmessage = function (event) {
    if (event.data === "alert") {
      refresh();
      refreshList();
    }
  };
})();
