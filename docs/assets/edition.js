/* Note popovers: hover, keyboard focus or a tap on a note call shows the note and
   its references, taken from the notes list on the same page (no request made). */
(function () {
  "use strict";

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

  function noteFor(call) {
    var target = document.getElementById("note-" + call.getAttribute("data-note"));
    return target ? target.querySelector(".note-body") && target : null;
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
    var note = noteFor(call);
    if (!note) return;
    clearTimeout(hideTimer);
    ensurePopover();
    popover.innerHTML = "";
    var body = note.querySelector(".note-body").cloneNode(true);
    var refs = note.querySelector(".note-refs");
    popover.appendChild(body);
    if (refs) popover.appendChild(refs.cloneNode(true));
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
    document.querySelectorAll("sup.note-call a[data-note]").forEach(function (call) {
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
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
