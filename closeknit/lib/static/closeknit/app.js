// Closeknit's small enhancements. Every page works without this file.
(function () {
  "use strict";

  function guessTimezone(root) {
    var zone;
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
    root.querySelectorAll("select[data-guess-timezone]").forEach(function (select) {
      if (select.value === "UTC" && zone && select.querySelector('option[value="' + zone + '"]')) {
        select.value = zone;
      }
    });
  }

  function selectOnFocus(root) {
    root.querySelectorAll("[data-select-on-focus]").forEach(function (input) {
      input.addEventListener("focus", function () { input.select(); });
    });
  }

  // The coach's one-tap suggestions: the writer chooses, the text changes in place.
  function coachTextarea(button) {
    var box = button.closest("[data-coach-box]");
    return box ? box.querySelector("textarea") : null;
  }

  function applySuggestion(button) {
    var area = coachTextarea(button);
    if (!area) { return; }
    var start = Number(button.dataset.start), end = Number(button.dataset.end);
    var original = button.dataset.original, text = area.value;
    if (text.slice(start, end) !== original) {
      start = text.indexOf(original);
      if (start < 0) { return; }
      end = start + original.length;
    }
    area.value = text.slice(0, start) + button.dataset.suggestion + text.slice(end);
    changed(area);
  }

  function appendSuggestion(button) {
    var area = coachTextarea(button);
    if (!area) { return; }
    var text = area.value.replace(/\s+$/, "");
    area.value = (text ? text + " " : "") + button.dataset.appendSuggestion;
    changed(area);
  }

  function changed(area) {
    area.focus();
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-apply-suggestion], [data-append-suggestion]");
    if (!button) { return; }
    event.preventDefault();
    if (button.hasAttribute("data-apply-suggestion")) { applySuggestion(button); } else { appendSuggestion(button); }
  });

  // Web Push: register the service worker; subscribe when the person asks to.
  function urlBase64ToUint8Array(value) {
    var padded = (value + "===".slice((value.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = atob(padded), out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { out[i] = raw.charCodeAt(i); }
    return out;
  }

  function csrfToken() {
    try { return JSON.parse(document.body.getAttribute("hx-headers"))["X-CSRFToken"]; } catch (e) { return ""; }
  }

  function setUpPush(root) {
    var button = root.querySelector("[data-push-subscribe]");
    if (!button || !("serviceWorker" in navigator) || !("PushManager" in window)) { return; }
    var box = root.querySelector("[data-push-box]"), status = root.querySelector("[data-push-status]");
    box.hidden = false;
    button.addEventListener("click", function () {
      status.textContent = "Asking this browser…";
      navigator.serviceWorker.register("/sw.js").then(function (reg) {
        return reg.pushManager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: urlBase64ToUint8Array(button.dataset.vapidKey),
        });
      }).then(function (subscription) {
        return fetch(button.dataset.url, {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
          body: JSON.stringify(subscription),
        });
      }).then(function (response) {
        status.textContent = response.ok ? "Push is on for this device." : "That didn't work. Please try again.";
      }).catch(function () {
        status.textContent = "This browser couldn't turn on push (it may be blocked or offline).";
      });
    });
  }

  // Live checks (the coach, the history search) listen for "input" once htmx
  // has bound them. Words typed before that (a slow first load, a form the
  // browser restored after Back) would never reach them, so each such field
  // is replayed once as the input it was. Its server-rendered text is its
  // defaultValue; anything else was typed here.
  function replayEarlyInput(root) {
    root.querySelectorAll("textarea, input[type=search], input[type=text]").forEach(function (field) {
      if (field.value !== field.defaultValue && field.closest("[hx-trigger^='input']")) {
        field.dispatchEvent(new Event("input", { bubbles: true }));
      }
    });
  }

  // Once is once (closeknit/lib/once.py): a form's key travels only with the
  // form's own submission, never with a live check made from inside it (the
  // coach, an answer saved on change), or the check would replay an old answer.
  document.addEventListener("htmx:configRequest", function (event) {
    if (event.detail.elt.tagName !== "FORM") { delete event.detail.parameters._once; }
  });

  // A second tap while the first is on its way does nothing: the buttons of a
  // form being sent are disabled until its answer arrives.
  function setSending(form, sending) {
    form.querySelectorAll("button[type=submit], button:not([type])").forEach(function (button) {
      button.disabled = sending;
    });
    if (sending) { form.setAttribute("aria-busy", "true"); } else { form.removeAttribute("aria-busy"); }
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    // Noted before the buttons are disabled: disabling blurs the one pressed.
    rememberFocus(event.detail.target);
    if (event.detail.elt.tagName === "FORM") { setSending(event.detail.elt, true); }
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.elt.tagName === "FORM") { setSending(event.detail.elt, false); }
  });
  // Without htmx the page is left behind; disabling after this turn of the
  // event loop keeps the pressed button's own name and value in what is sent.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.method.toLowerCase() !== "post" || form.hasAttribute("hx-post") || event.defaultPrevented) { return; }
    setTimeout(function () { setSending(form, true); }, 0);
  });
  // Back to a page whose form was sent: its buttons work again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { document.querySelectorAll("form[aria-busy]").forEach(function (f) { setSending(f, false); }); }
  });

  // Back to a form already sent, then Send again: the browser may fetch the
  // page anew (with new keys) and put back only what was typed. The page's
  // keys are kept in its history entry, so the form is sent with its first key
  // and the server answers with the first result.
  function onceKeys() {
    var keys = {};
    document.querySelectorAll("form[action] input[name=_once]").forEach(function (field) {
      keys[field.form.getAttribute("action")] = field.value;
    });
    return keys;
  }

  function keepOnceKeys() {
    var state = history.state || {};
    history.replaceState(Object.assign({}, state, { onceKeys: onceKeys() }), "");
  }

  function restoreOnceKeys() {
    var kept = history.state && history.state.onceKeys;
    if (!kept) { return; }
    document.querySelectorAll("form[action] input[name=_once]").forEach(function (field) {
      var key = kept[field.form.getAttribute("action")];
      if (key) { field.value = key; }
    });
  }

  // What only works with JavaScript (the coach's one-tap suggestions, a chart,
  // copy and share) is sent hidden, and shown here.
  function revealScripted(root) {
    root.querySelectorAll("[data-needs-js]").forEach(function (el) { el.hidden = false; });
  }

  // Invite: copy the link, or share it through the phone's own share sheet.
  function setUpSharing(root) {
    root.querySelectorAll("[data-share]").forEach(function (button) {
      if (!navigator.share) { button.hidden = true; return; }
      button.addEventListener("click", function () {
        navigator.share({ title: button.dataset.shareTitle, text: button.dataset.shareText, url: button.dataset.share })
          .catch(function () { /* the person closed the sheet */ });
      });
    });
    root.querySelectorAll("[data-copy]").forEach(function (button) {
      if (!navigator.clipboard) { button.hidden = true; return; }
      button.addEventListener("click", function () {
        var status = document.getElementById(button.dataset.copyStatus);
        navigator.clipboard.writeText(button.dataset.copy).then(function () {
          if (status) { status.textContent = "Copied. Paste it in a message to your partner."; }
        }, function () {
          if (status) { status.textContent = "This browser didn't allow copying; select the link and copy it."; }
        });
      });
    });
  }

  function enhance(root) {
    guessTimezone(root);
    selectOnFocus(root);
    revealScripted(root);
    setUpSharing(root);
  }

  // Focus stays where the person was after a swap: on the new version of the
  // control they used (same id, or same form and button), else on the
  // swapped-in content, never dropped to the page's start.
  var focusBefore = null;

  function describe(el) {
    if (!el || el === document.body || el === document.documentElement) { return null; }
    var form = el.form || el.closest("form");
    return {
      id: el.id,
      action: form ? form.getAttribute("action") : null,
      name: el.getAttribute("name"),
      value: el.getAttribute("value"),
      tag: el.tagName,
      text: (el.textContent || "").trim(),
    };
  }

  function find(saved) {
    if (saved.id) {
      var byId = document.getElementById(saved.id);
      if (byId) { return byId; }
    }
    if (saved.action) {
      var form = document.querySelector('form[action="' + CSS.escape(saved.action) + '"]');
      if (form) {
        var fields = Array.prototype.slice.call(form.querySelectorAll(saved.tag));
        var same = fields.filter(function (f) {
          return f.getAttribute("name") === saved.name && (saved.tag !== "BUTTON" || f.getAttribute("value") === saved.value);
        });
        if (same.length) { return same[0]; }
        if (fields.length) { return fields[0]; }
      }
    }
    return null;
  }

  function rememberFocus(target) {
    var active = document.activeElement;
    focusBefore = target && target.contains(active) ? describe(active) : null;
  }

  document.addEventListener("htmx:beforeSwap", function (event) {
    // Still where it was when the request left (focus on <body> now means a
    // disabled button lost it meanwhile, not that the person moved on).
    var active = document.activeElement;
    if (active && active !== document.body) { rememberFocus(event.detail.target); }
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    var saved = focusBefore;
    focusBefore = null;
    if (!saved) { return; }
    var active = document.activeElement;
    if (active && active !== document.body && document.contains(active)) { return; }
    var target = find(saved) || event.detail.elt;
    if (!target || !document.contains(target)) { return; }
    if (!target.matches("a[href], button, input, select, textarea, summary, [tabindex]")) {
      target.setAttribute("tabindex", "-1");
    }
    target.focus({ preventScroll: true });
  });

  // The service worker: the offline page, and push when the person asks for it.
  if ("serviceWorker" in navigator) {
    window.addEventListener("load", function () {
      navigator.serviceWorker.register("/sw.js").catch(function () { /* the app works without it */ });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    restoreOnceKeys();
    keepOnceKeys();
    enhance(document);
    setUpPush(document);
  });
  document.addEventListener("htmx:afterSettle", keepOnceKeys);
  // htmx fires htmx:load once for the whole page when it has bound it, then for
  // every swapped-in element.
  document.addEventListener("htmx:load", function (event) {
    enhance(event.target);
    replayEarlyInput(event.target);
  });
  window.Closeknit = { enhance: enhance };
})();
