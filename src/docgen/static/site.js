// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
// The pages' behaviour: language tabs and copy buttons. Without this script every language's
// section is shown one after the other and there is no copy button; nothing else changes.
// Every text it shows comes from the page (data-* attributes, translated with the page).
"use strict";

(function () {
  var STORAGE_KEY = "docgen.language";
  document.documentElement.classList.remove("no-js");
  document.documentElement.classList.add("js");

  function remembered() {
    try {
      return window.localStorage.getItem(STORAGE_KEY);
    } catch (e) {
      return null; // storage refused (private mode, some pages opened from disk): tabs still work
    }
  }

  function remember(id) {
    try {
      window.localStorage.setItem(STORAGE_KEY, id);
    } catch (e) {
      /* not remembered across pages; nothing else depends on it */
    }
  }

  // WAI-ARIA tabs with automatic activation: click, or Left/Right/Home/End on the tab list.
  function setUpTabs(container) {
    var list = container.querySelector("[role=tablist]");
    var tabs = Array.prototype.slice.call(container.querySelectorAll("[role=tab]"));
    if (!list || tabs.length === 0) return;
    var panels = tabs.map(function (tab) {
      return document.getElementById(tab.getAttribute("aria-controls"));
    });

    function select(index, focus) {
      tabs.forEach(function (tab, i) {
        var chosen = i === index;
        tab.setAttribute("aria-selected", chosen ? "true" : "false");
        tab.tabIndex = chosen ? 0 : -1;
        if (panels[i]) panels[i].hidden = !chosen;
      });
      if (focus) tabs[index].focus();
      var id = tabs[index].getAttribute("aria-controls");
      remember(tabs[index].dataset.language);
      if (window.history && window.history.replaceState) {
        window.history.replaceState(null, "", "#" + id);
      }
      // The locale chooser opens the same tab in the other language.
      document.querySelectorAll("nav.locales a").forEach(function (link) {
        link.hash = id;
      });
    }

    function indexOf(id) {
      for (var i = 0; i < tabs.length; i++) {
        if (tabs[i].getAttribute("aria-controls") === id) return i;
      }
      return -1;
    }

    tabs.forEach(function (tab, i) {
      tab.addEventListener("click", function () {
        select(i, false);
      });
    });
    list.addEventListener("keydown", function (event) {
      var current = tabs.indexOf(document.activeElement);
      if (current < 0) return;
      var next = {
        ArrowRight: (current + 1) % tabs.length,
        ArrowLeft: (current - 1 + tabs.length) % tabs.length,
        Home: 0,
        End: tabs.length - 1,
      }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      select(next, true);
    });

    var start = indexOf(decodeURIComponent(window.location.hash.slice(1)));
    if (start < 0) start = indexOf(remembered());
    list.hidden = false;
    select(start < 0 ? 0 : start, false);
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Older browsers and pages the clipboard API refuses: a hidden selection.
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var done = false;
      try {
        done = document.execCommand("copy");
      } catch (e) {
        done = false;
      }
      document.body.removeChild(area);
      if (done) resolve();
      else reject(new Error("copy refused"));
    });
  }

  function setUpCopy(button, status) {
    var label = button.textContent;
    var code = button.parentNode.querySelector("pre code");
    if (!code) return;
    var timer = null;
    function show(text) {
      button.textContent = text;
      status.textContent = text;
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        button.textContent = label;
        status.textContent = "";
      }, 2000);
    }
    button.addEventListener("click", function () {
      copyText(code.textContent).then(
        function () {
          show(button.dataset.done);
        },
        function () {
          show(button.dataset.failed);
        },
      );
    });
    button.hidden = false;
  }

  function start() {
    document.querySelectorAll(".tabs").forEach(setUpTabs);
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    document.body.appendChild(status);
    document.querySelectorAll("button.copy").forEach(function (button) {
      setUpCopy(button, status);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
