/* Popovers: hover, keyboard focus or a tap on a note call shows the note and its
   references (from the notes list on the same page); on a glossary link, the entry's
   gloss (from the page's own #gloss-data). No request is made. Also the glossary's
   type filter and the sortable persons index. */
(function () {
  "use strict";

  var here = document.currentScript ? document.currentScript.src : "";
  var popover = null;
  var owner = null;
  var hideTimer = null;

  function ensurePopover() {
    if (popover) return popover;
    popover = document.createElement("div");
    popover.className = "ed-popover";
    popover.id = "ed-popover";
    popover.setAttribute("role", "tooltip");
    popover.hidden = true;
    popover.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    popover.addEventListener("mouseleave", scheduleHide);
    document.body.appendChild(popover);
    return popover;
  }

  var glosses = null;

  function glossFor(id) {
    if (glosses === null) {
      var data = document.getElementById("gloss-data");
      glosses = data ? JSON.parse(data.textContent) : {};
    }
    return glosses[id] || null;
  }

  function text(tag, className, content) {
    var el = document.createElement(tag);
    el.className = className;
    el.textContent = content;
    return el;
  }

  var apparatus = null;

  function interventionFor(id) {
    if (apparatus === null) {
      var data = document.getElementById("app-data");
      apparatus = data ? JSON.parse(data.textContent).apparatus : {};
    }
    return apparatus[id] || null;
  }

  function reading(label, value) {
    var p = text("p", "pop-reading", label + ": ");
    p.appendChild(text("span", "pop-text", value === "" ? "(nothing)" : value));
    return p;
  }

  /* What the popover shows for a trigger, as nodes; null if there is nothing. */
  function contentFor(trigger) {
    var nodes = [];
    if (trigger.hasAttribute("data-app")) {
      var item = interventionFor(trigger.getAttribute("data-app"));
      if (!item) return null;
      nodes.push(text("p", "pop-head", "Editors’ change · " + item.type));
      nodes.push(reading("Received", item.received));
      nodes.push(reading("Edited", item.edited));
      nodes.push(text("p", "pop-gloss", item.note));
      var link = text("a", "pop-more", "In the apparatus →");
      link.href = "apparatus.html#app-" + trigger.getAttribute("data-app");
      nodes.push(link);
      return nodes;
    }
    if (trigger.hasAttribute("data-comment")) {
      var comment = document.getElementById("ed-" + trigger.getAttribute("data-comment"));
      if (!comment) return null;
      nodes.push(comment.querySelector(".note-body").cloneNode(true));
      var evidence = comment.querySelector(".ed-evidence");
      if (evidence) nodes.push(evidence.cloneNode(true));
      return nodes;
    }
    if (trigger.hasAttribute("data-note")) {
      var note = document.getElementById("note-" + trigger.getAttribute("data-note"));
      if (!note || !note.querySelector(".note-body")) return null;
      nodes.push(note.querySelector(".note-body").cloneNode(true));
      var refs = note.querySelector(".note-refs");
      if (refs) nodes.push(refs.cloneNode(true));
      return nodes;
    }
    var entry = glossFor(trigger.getAttribute("data-gloss"));
    if (!entry) return null;
    var head = text("p", "pop-head", entry.headword);
    if (entry.dates) head.appendChild(text("span", "pop-dates", " " + entry.dates));
    nodes.push(head);
    nodes.push(text("p", "pop-gloss", entry.gloss));
    var more = text("a", "pop-more", "Glossary entry →");
    more.href = trigger.getAttribute("href");
    nodes.push(more);
    // An intervention inside the name is reached by the name's tap or focus too.
    var inner = trigger.querySelector(".app[data-app]");
    var change = inner ? contentFor(inner) : null;
    if (change) nodes = nodes.concat([document.createElement("hr")], change);
    return nodes;
  }

  function place(call) {
    var rect = call.getBoundingClientRect();
    var margin = 8;
    var width = popover.offsetWidth;
    var left = rect.left + window.scrollX - width / 2 + rect.width / 2;
    var maxLeft = window.scrollX + document.documentElement.clientWidth - width - margin;
    left = Math.max(window.scrollX + margin, Math.min(left, maxLeft));
    var top = rect.bottom + window.scrollY + 6;
    if (rect.bottom + popover.offsetHeight + 12 > window.innerHeight && rect.top > popover.offsetHeight + 12) {
      top = rect.top + window.scrollY - popover.offsetHeight - 6;
    }
    popover.style.left = left + "px";
    popover.style.top = top + "px";
  }

  function show(call) {
    var nodes = contentFor(call);
    if (!nodes) return;
    clearTimeout(hideTimer);
    ensurePopover();
    popover.innerHTML = "";
    nodes.forEach(function (node) { popover.appendChild(node); });
    popover.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
    popover.hidden = false;
    if (owner && owner !== call) owner.removeAttribute("aria-describedby");
    owner = call;
    call.setAttribute("aria-describedby", "ed-popover");
    place(call);
  }

  function hide() {
    clearTimeout(hideTimer);
    if (popover) popover.hidden = true;
    if (owner) owner.removeAttribute("aria-describedby");
    owner = null;
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 250);
  }

  function init() {
    var touched = false;
    var wasOpen = false;
    var triggers = "sup.note-call a[data-note], a.gloss[data-gloss], .app[data-app], sup.ed-call a[data-comment]";
    document.querySelectorAll(triggers).forEach(function (call) {
      call.addEventListener("mouseenter", function () { show(call); });
      call.addEventListener("mouseleave", scheduleHide);
      call.addEventListener("focus", function () { show(call); });
      call.addEventListener("blur", scheduleHide);
      call.addEventListener("pointerdown", function (event) {
        touched = event.pointerType === "touch";
        // a tap also fires mouseenter and focus, which open the popover before click
        wasOpen = owner === call && popover !== null && !popover.hidden;
      });
      call.addEventListener("click", function (event) {
        // A first tap shows the note in place; a second tap follows the link.
        if (touched && !wasOpen) {
          event.preventDefault();
          show(call);
        }
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && owner) {
        var call = owner;
        hide();
        call.focus({ preventScroll: true });
      }
    });
    document.addEventListener("pointerdown", function (event) {
      if (!popover || popover.hidden) return;
      if (popover.contains(event.target) || (owner && owner.contains(event.target))) return;
      hide();
    });
    window.addEventListener("resize", function () { if (owner) place(owner); });
    initFilter();
    initMore();
    initSortable();
    initSwitch();
    initCite();
    initFind();
  }

  /* Find ¶ (assets/find.js, beside this script) is fetched at the first use of its box,
     or at once on arriving from one of its results (?find=) or the theme's search
     (?h=), whose words it marks. A query sent before it has come waits for it
     (data-queued, which find.js reads). */
  function initFind() {
    var form = document.querySelector("form.ed-find");
    var script = null;
    function load() {
      if (script || !here) return;
      script = document.createElement("script");
      script.src = here.replace(/edition\.js([?#].*)?$/, "find.js");
      script.onload = function () { if (form) form.removeEventListener("submit", queue); };
      script.onerror = function () {
        script = null;  // tried again at the next use
        if (form) form.querySelector(".ed-find-status").textContent = "Find could not be loaded.";
      };
      document.head.appendChild(script);
    }
    function queue(event) {
      event.preventDefault();
      form.setAttribute("data-queued", "");
      load();
    }
    if (/[?&](find|h)=/.test(location.search)) load();
    if (!form) return;
    form.hidden = false;
    ["focusin", "pointerdown", "input"].forEach(function (type) { form.addEventListener(type, load); });
    form.addEventListener("submit", queue);
  }

  /* The Cite dialog: a paragraph's citation in three styles (formatted at build time
     from CSL), its permanent address, downloads, and copying with a confirmation. */
  var dialog = null;
  var citeOpener = null;
  var citeData = null;

  function citeFor(label) {
    if (citeData === null) {
      var data = document.getElementById("cite-data");
      citeData = data ? JSON.parse(data.textContent) : {labels: []};
    }
    if (citeData.labels.indexOf(label) < 0 || !/^[0-9]+[a-z]*$/.test(label)) return null;
    /* Each style's citation was formatted once by CSL at a placeholder paragraph;
       this one's is the same with its own label. */
    function fill(value) { return value.split(citeData.placeholder).join(label); }
    var styles = {};
    Object.keys(citeData.styles).forEach(function (style) {
      styles[style] = {};
      Object.keys(citeData.styles[style]).forEach(function (form) {
        styles[style][form] = fill(citeData.styles[style][form]);
      });
    });
    return {styles: styles, url: fill(citeData.url), latest: fill(citeData.latest),
            version: citeData.version, doi: citeData.doi, fragment: citeData.fragments[label],
            files: citeData.files};
  }

  function copyText(value, status) {
    function done(ok) {
      status.textContent = ok ? "Copied." : "Could not copy: select the text and copy it.";
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(value).then(function () { done(true); }, function () { done(false); });
    } else {
      done(false);
    }
  }

  function citeBlock(title, html, extra) {
    var section = document.createElement("section");
    section.className = "cite-style";
    section.appendChild(text("h3", "cite-style-name", title));
    var body = document.createElement("p");
    body.className = "cite-text";
    body.innerHTML = html;  // formatted by pandoc's citeproc at build time
    section.appendChild(body);
    if (extra) section.appendChild(text("p", "cite-intext", extra));
    var button = text("button", "cite-copy", "Copy");
    button.type = "button";
    button.setAttribute("aria-label", "Copy the " + title + " citation");
    button.addEventListener("click", function () {
      copyText(body.textContent + (extra ? "\n" + extra : ""), dialog.querySelector(".cite-status"));
    });
    section.appendChild(button);
    return section;
  }

  function closeCite() {
    if (!dialog || dialog.hidden) return;
    dialog.hidden = true;
    if (citeOpener) citeOpener.focus();
  }

  function openCite(button) {
    var found = citeFor(button.getAttribute("data-cite"));
    if (!found) return;
    hide();
    if (!dialog) {
      dialog = document.createElement("div");
      dialog.className = "cite-dialog";
      dialog.id = "cite-dialog";
      dialog.setAttribute("role", "dialog");
      dialog.setAttribute("aria-modal", "false");
      dialog.setAttribute("aria-labelledby", "cite-title");
      document.body.appendChild(dialog);
    }
    var label = button.getAttribute("data-cite");
    dialog.innerHTML = "";
    var head = text("h2", "cite-title", "Cite paragraph " + label);
    head.id = "cite-title";
    dialog.appendChild(head);
    var close = text("button", "cite-close", "×");
    close.type = "button";
    close.setAttribute("aria-label", "Close");
    close.addEventListener("click", closeCite);
    dialog.appendChild(close);
    var link = text("p", "cite-url", "Permanent address: ");
    var a = text("a", "", found.url);
    a.href = found.url;
    link.appendChild(a);
    link.appendChild(document.createTextNode(" (version " + found.version + ")"));
    dialog.appendChild(link);
    [["cite-latest", "Latest version: ", found.latest],
     ["cite-fragment", "Link by its opening words: ", found.fragment]]
      .concat(found.doi ? [["cite-doi", "DOI of this version: ", "https://doi.org/" + found.doi]] : [])
      .forEach(function (row) {
      var line = text("p", row[0], row[1]);
      var target = text("a", "", row[0] === "cite-fragment" ? "text fragment link" : row[2]);
      target.href = row[2];
      line.appendChild(target);
      dialog.appendChild(line);
    });
    dialog.appendChild(citeBlock("Chicago (note)", found.styles.chicago.note));
    dialog.appendChild(citeBlock("Chicago (bibliography)", found.styles.chicago.reference));
    dialog.appendChild(citeBlock("APA", found.styles.apa.reference, "In the text: " + found.styles.apa.intext));
    dialog.appendChild(citeBlock("MLA", found.styles.mla.reference, "In the text: " + found.styles.mla.intext));
    var files = text("p", "cite-files", "Download: ");
    [["BibTeX", ".bib"], ["biblatex", ".biblatex.bib"], ["RIS", ".ris"], ["CSL-JSON", ".json"]].forEach(function (kind, i) {
      var file = text("a", "", kind[0]);
      file.href = found.files + "p" + label + kind[1];
      file.setAttribute("download", "");
      if (i) files.appendChild(document.createTextNode(" · "));
      files.appendChild(file);
    });
    dialog.appendChild(files);
    var status = text("p", "cite-status", "");
    status.setAttribute("role", "status");
    dialog.appendChild(status);
    citeOpener = button;
    dialog.hidden = false;
    var rect = button.getBoundingClientRect();
    var width = Math.min(32 * 16, document.documentElement.clientWidth - 16);
    dialog.style.width = width + "px";
    dialog.style.left = Math.max(8, Math.min(rect.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8)) + "px";
    // below the button, but inside the window (the dialog scrolls if it is taller)
    var room = window.scrollY + window.innerHeight - dialog.offsetHeight - 8;
    dialog.style.top = Math.max(window.scrollY + 8, Math.min(rect.bottom + window.scrollY + 6, room)) + "px";
    dialog.querySelector(".cite-copy").focus();
  }

  function initCite() {
    document.querySelectorAll("button.cite-btn[data-cite]").forEach(function (button) {
      button.addEventListener("click", function () { openCite(button); });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && dialog && !dialog.hidden) closeCite();
    });
    document.addEventListener("pointerdown", function (event) {
      if (dialog && !dialog.hidden && !dialog.contains(event.target) && event.target !== citeOpener) closeCite();
    });
  }

  /* The apparatus switch: the reading text, or the text exactly as received.
     The choice is remembered across pages. */
  var KEY = "edition-view";

  function applyView(received) {
    document.documentElement.classList.toggle("show-received", received);
    document.querySelectorAll("button.app-switch").forEach(function (button) {
      button.setAttribute("aria-pressed", String(received));
      button.textContent = received ? "Show the edited text" : "Show the text as received";
    });
  }

  function initSwitch() {
    var stored = null;
    try { stored = window.localStorage.getItem(KEY); } catch (e) { /* storage may be blocked */ }
    applyView(stored === "received");
    document.querySelectorAll("button.app-switch").forEach(function (button) {
      button.addEventListener("click", function () {
        var received = !document.documentElement.classList.contains("show-received");
        try { window.localStorage.setItem(KEY, received ? "received" : "edited"); } catch (e) { /* ignore */ }
        applyView(received);
        hide();
      });
    });
  }

  /* Glossary: each entry's related entries, events and sources are hidden until asked
     for (or found by the browser's find-in-page, which reveals them itself). */
  function setMore(button, open) {
    var extra = document.getElementById(button.getAttribute("aria-controls"));
    if (!extra) return;
    if (open) extra.removeAttribute("hidden");
    else extra.setAttribute("hidden", "until-found");
    button.setAttribute("aria-expanded", String(open));
  }

  function initMore() {
    var buttons = document.querySelectorAll("button.gloss-more");
    if (!buttons.length) return;
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        setMore(button, button.getAttribute("aria-expanded") !== "true");
      });
      var extra = document.getElementById(button.getAttribute("aria-controls"));
      if (extra) extra.addEventListener("beforematch", function () { button.setAttribute("aria-expanded", "true"); });
    });
    var all = document.querySelector("button.gloss-more-all");
    if (!all) return;
    all.addEventListener("click", function () {
      var open = all.getAttribute("aria-pressed") !== "true";
      all.setAttribute("aria-pressed", String(open));
      buttons.forEach(function (button) { setMore(button, open); });
    });
  }

  /* Glossary: show the entries of one type. */
  function initFilter() {
    var group = document.querySelector(".gloss-filter");
    if (!group) return;
    group.hidden = false;
    var buttons = group.querySelectorAll("button[data-type]");
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        var type = button.getAttribute("data-type");
        buttons.forEach(function (b) { b.setAttribute("aria-pressed", String(b === button)); });
        document.querySelectorAll(".gloss-entry").forEach(function (entry) {
          entry.hidden = type !== "all" && entry.getAttribute("data-type") !== type;
        });
      });
    });
  }

  /* Persons index: sort by a column, toggling the direction. */
  function initSortable() {
    document.querySelectorAll("table.sortable").forEach(function (table) {
      var headers = table.querySelectorAll("thead th");
      table.querySelectorAll("thead button[data-key]").forEach(function (button) {
        button.addEventListener("click", function () {
          var th = button.parentElement;
          var key = Number(button.getAttribute("data-key"));
          var numeric = button.hasAttribute("data-numeric");
          var ascending = th.getAttribute("aria-sort") !== "ascending";
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = a.cells[key], y = b.cells[key];
            var vx = x.getAttribute("data-sort") || x.textContent;
            var vy = y.getAttribute("data-sort") || y.textContent;
            var order = numeric ? Number(vx) - Number(vy) : vx.localeCompare(vy);
            return ascending ? order : -order;
          });
          rows.forEach(function (row) { body.appendChild(row); });
          headers.forEach(function (h) { if (h.hasAttribute("aria-sort")) h.setAttribute("aria-sort", "none"); });
          th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        });
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
