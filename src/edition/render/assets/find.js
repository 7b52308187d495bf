/* Find a paragraph: by its number ("48", "¶48") or by its words, in the edition's own
   index (assets/find-index.js, written by the build, loaded as a script at the first
   query, so it works from file:// too). Every word must match, whole, or by its
   beginning for the last one typed; "words in quotes" match in a row; the index's
   variant rules fold romanisation variants together, and a name matches the places that
   print another of its forms; a received spelling finds the paragraph it stands in.
   A result leads to the place's anchor with ?find=, and the words found are marked
   there. Everything shown is made with textContent: nothing from the index is parsed
   as HTML. Loaded by edition.js at the box's first use, or on arrival with ?find= or
   ?h=; what the reader typed or sent before it came is taken up here. */
(function () {
  "use strict";

  var form = document.querySelector("form.ed-find");
  var base = form ? form.getAttribute("data-base").replace(/\/?$/, "/") : null;
  var index = null;
  var loading = null;
  var rules = [];
  var WORD = /[\p{L}\p{N}'’ʼʹʺ″′]+/gu;
  var SIGNS = /['’ʼʹʺ″′]/g;
  var KINDS = {p: "", n: "", g: "Glossary", e: "Chronology"};

  function basic(word) {
    return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(SIGNS, "");
  }

  function fold(word) {
    return rules.reduce(function (w, rule) { return w.replace(rule[0], rule[1]); }, word);
  }

  /* The words of a text: folded (w), only lower-cased and stripped (b), and where. */
  function words(text) {
    var out = [];
    var match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text))) {
      var b = basic(match[0].replace(/['’ʼ]s$/i, ""));  // a possessive is its name
      if (b) out.push({w: fold(b), b: b, s: match.index, e: match.index + match[0].length});
    }
    return out;
  }

  function prepare(data) {
    rules = data.variants.map(function (v) { return [new RegExp(v[0], "g"), v[1]]; });
    data.records.forEach(function (record) {
      record.tw = words(record.t);
      record.rw = record.r ? words(record.r) : null;
    });
    data.formWords = data.forms.map(function (forms) { return forms.map(words); });
    return data;
  }

  function load() {
    if (index) return Promise.resolve(index);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = (base || "./") + "assets/find-index.js";
        script.onload = function () { index = prepare(window.edFindIndex); resolve(index); };
        script.onerror = function () { loading = null; reject(new Error("index")); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  /* The query as terms: each a sequence of words (one, or a quoted phrase). */
  function parse(query) {
    var terms = [];
    var re = /"([^"]*)"?|“([^”]*)”?|(\S+)/g;
    var match;
    while ((match = re.exec(query))) {
      var phrase = match[1] !== undefined ? match[1] : match[2];
      if (phrase !== undefined) {
        var seq = words(phrase);
        if (seq.length) terms.push({seq: seq, phrase: true});
      } else {
        words(match[3]).forEach(function (w) { terms.push({seq: [w], phrase: false}); });
      }
    }
    var last = terms[terms.length - 1];
    if (last && !last.phrase && !/\s$/.test(query)) last.prefix = true;
    return terms;
  }

  /* Where a term's words follow each other in a list of words: their indices. */
  function hits(list, term) {
    var out = [];
    var n = term.seq.length;
    for (var i = 0; list && i + n <= list.length; i++) {
      var ok = true;
      for (var j = 0; j < n && ok; j++) {
        var word = list[i + j];
        var want = term.seq[j];
        ok = word.w === want.w || (term.prefix && j === n - 1 && want.b.length >= 2 &&
          (word.b.indexOf(want.b) === 0 || word.w.indexOf(want.w) === 0));
      }
      if (ok) out.push(i);
    }
    return out;
  }

  function search(query) {
    var terms = parse(query);
    if (!terms.length) return [];
    var found = [];
    index.records.forEach(function (record, order) {
      var score = 0;
      var marks = {t: [], r: []};
      var all = terms.every(function (term) {
        var inText = hits(record.tw, term);
        var inReceived = hits(record.rw, term);
        var byForm = (record.g || []).some(function (g) {
          return index.formWords[g].some(function (form) { return hits(form, term).length; });
        });
        inText.forEach(function (i) { marks.t.push([i, term.seq.length]); });
        inReceived.forEach(function (i) { marks.r.push([i, term.seq.length]); });
        score += 3 * Math.min(inText.length, 5) + 2 * Math.min(inReceived.length, 5) + (byForm ? 1 : 0);
        return inText.length || inReceived.length || byForm;
      });
      if (all) found.push({record: record, score: score + (record.k === "p" ? 1 : 0), order: order, marks: marks});
    });
    found.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return found;
  }

  /* A stretch of the text around the first word found, the words found marked. */
  function snippet(text, list, marks) {
    var out = document.createElement("span");
    out.className = "ed-find-snippet";
    var ranges = marks.map(function (m) { return [list[m[0]].s, list[m[0] + m[1] - 1].e]; })
      .sort(function (a, b) { return a[0] - b[0]; });
    var start = ranges.length ? Math.max(0, ranges[0][0] - 70) : 0;
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    var end = Math.min(text.length, start + 200);
    if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
    var position = start;
    out.appendChild(document.createTextNode(start > 0 ? "…" : ""));
    ranges.forEach(function (r) {
      if (r[0] < position || r[1] > end) return;
      out.appendChild(document.createTextNode(text.slice(position, r[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(r[0], r[1]);
      out.appendChild(mark);
      position = r[1];
    });
    out.appendChild(document.createTextNode(text.slice(position, end) + (end < text.length ? "…" : "")));
    return out;
  }

  function address(record, query) {
    var parts = record.u.split("#");
    return base + parts[0] + (query ? "?find=" + encodeURIComponent(query) : "") + "#" + parts[1];
  }

  function item(record, query, marks) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = address(record, query);
    var head = document.createElement("span");
    head.className = "ed-find-head";
    var label = document.createElement("strong");
    label.textContent = record.l;
    head.appendChild(label);
    head.appendChild(document.createTextNode(" · " + (KINDS[record.k] || record.w)));
    link.appendChild(head);
    var field = marks && !marks.t.length && marks.r.length ? "r" : "t";
    link.appendChild(snippet(record[field], field === "r" ? record.rw : record.tw, marks ? marks[field] : []));
    if (field === "r") link.appendChild(document.createTextNode(" (as received)"));
    li.appendChild(link);
    return li;
  }

  var GOTO = /^\s*(?:¶|§|p\.?|para(?:graph)?\.?)?\s*(\d+[a-z]?)\s*$/i;

  function paragraph(query) {
    var match = GOTO.exec(query);
    if (!match) return null;
    var label = "¶" + match[1].toLowerCase();
    return index.records.filter(function (r) { return r.k === "p" && r.l === label; })[0] || false;
  }

  function show(query) {
    var list = form.querySelector(".ed-find-results");
    var status = form.querySelector(".ed-find-status");
    list.innerHTML = "";
    form.setAttribute("data-shown", query);  // which query the results are for
    if (!query.trim()) { status.textContent = ""; return; }
    var target = paragraph(query);
    if (target) {
      list.appendChild(item(target, "", null));
      status.textContent = "Go to " + target.l + ": press Enter.";
      return;
    }
    if (target === false) {
      var numbers = index.records.filter(function (r) { return r.k === "p"; });
      status.textContent = "There is no paragraph " + query.trim() + ": they run from " +
        numbers[0].l + " to " + numbers[numbers.length - 1].l + ".";
      return;
    }
    var found = search(query);
    status.textContent = found.length ? found.length + (found.length === 1 ? " place" : " places") + " found" +
      (found.length > 30 ? "; the first 30 shown." : ".") : "Nothing found for " + query.trim() + ".";
    found.slice(0, 30).forEach(function (f) { list.appendChild(item(f.record, query.trim(), f.marks)); });
  }

  /* On arrival from a result: mark the words found in the place reached. */
  function markArrival() {
    var query = new URLSearchParams(location.search).get("find");
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!query || !target) return;
    load().then(function () {
      var terms = parse(query + " ");
      var walker = document.createTreeWalker(target, NodeFilter.SHOW_TEXT, {
        acceptNode: function (node) {
          return node.parentElement.closest("[data-ed], .app-received, sup, mark") ?
            NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
        }
      });
      var nodes = [];
      for (var node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
      nodes.forEach(function (node) {
        var list = words(node.textContent);
        var spans = [];
        terms.forEach(function (term) {
          hits(list, term).forEach(function (i) { spans.push([list[i].s, list[i + term.seq.length - 1].e]); });
        });
        spans.sort(function (a, b) { return b[0] - a[0]; }).forEach(function (span) {
          var hit = node.splitText(span[0]);
          hit.splitText(span[1] - span[0]);
          var mark = document.createElement("mark");
          mark.className = "ed-hit";
          hit.parentNode.replaceChild(mark, hit);
          mark.appendChild(hit);
        });
      });
    }, function () { /* no index: the anchor's highlight remains */ });
  }

  /* Arriving from the theme's search (?h=, no anchor), the page would open at its top:
     once the theme has marked the words, the first is brought into view. */
  function followThemeMark() {
    if (location.hash || !new URLSearchParams(location.search).get("h")) return;
    var tries = 0;
    (function look() {
      var mark = document.querySelector("article mark");
      if (mark) mark.scrollIntoView({block: "center"});
      else if (++tries < 50) setTimeout(look, 100);
    })();
  }

  function init() {
    followThemeMark();
    if (base === null) return;
    var input = form.querySelector("input");
    var status = form.querySelector(".ed-find-status");
    var timer = null;
    function update() {
      clearTimeout(timer);
      timer = setTimeout(function () {
        if (!index) status.textContent = "Loading the index…";
        load().then(function () { show(input.value); }, function () {
          status.textContent = "The index could not be loaded.";
        });
      }, 120);
    }
    input.addEventListener("input", update);
    function go() {
      load().then(function () {
        show(input.value);
        var first = form.querySelector(".ed-find-results a");
        if (first) location.href = first.href;
      });
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      go();
    });
    form.addEventListener("keydown", function (event) {
      var links = Array.prototype.slice.call(form.querySelectorAll(".ed-find-results a"));
      var at = links.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && links.length) {
        event.preventDefault();
        links[Math.min(at + 1, links.length - 1)].focus();
      } else if (event.key === "ArrowUp" && at >= 0) {
        event.preventDefault();
        (at === 0 ? input : links[at - 1]).focus();
      } else if (event.key === "Escape" && input.value) {
        input.value = "";
        show("");
        input.focus();
      }
    });
    markArrival();
    // what the reader did before this script came (edition.js loads it at first use)
    if (form.hasAttribute("data-queued")) {
      form.removeAttribute("data-queued");
      go();
    } else if (input.value) {
      update();
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
