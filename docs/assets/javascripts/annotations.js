/* The annotations of a text on every device: an entity mention (a.mention), a glossary term
   (a.terme) or a note call (a.footnote-ref) opens a popover with its description and a link to
   the full page or note:
   - with a mouse, on hover, as a tooltip would; a click follows the link;
   - with the keyboard, on focus; Escape closes it, Enter follows the link;
   - on a touch screen, on a first tap; a second tap on the same word follows the link, a tap
     elsewhere or on « Fermer » closes it.
   The popover sits under the line of the word (above it when there is more room there), never
   over it; a screen reader hears its text as the link's description, and the link's state
   (aria-expanded); after a tap it reads the popover, which takes the focus. Without JavaScript the descriptions stay in the links' titles. The texts a
   reader reads are French, as in the templates. */
(() => {
  "use strict";

  const TRIGGERS = "a.mention, a.terme, a.footnote-ref";
  const HOVER_OPEN_MS = 250;    // a pointer passing over a word opens nothing
  const HOVER_CLOSE_MS = 300;   // time to move from the word into the popover
  const GAP_PX = 6;             // between the word's line and the popover
  const MARGIN_PX = 8;          // between the popover and the screen's edges
  const MIN_ROOM_PX = 120;      // under this height, the popover goes on the other side

  const popover = document.createElement("div");
  popover.id = "annotation";
  popover.className = "annotation";
  popover.setAttribute("role", "dialog");
  popover.setAttribute("aria-labelledby", "annotation-titre");
  popover.tabIndex = -1;
  popover.hidden = true;
  const heading = Object.assign(document.createElement("p"), { id: "annotation-titre", className: "annotation__titre" });
  const body = Object.assign(document.createElement("div"), { id: "annotation-texte", className: "annotation__texte" });
  const more = document.createElement("a");
  const close = Object.assign(document.createElement("button"), {
    type: "button", className: "annotation__fermer", textContent: "×",
  });
  close.setAttribute("aria-label", "Fermer");
  const footer = Object.assign(document.createElement("p"), { className: "annotation__suite" });
  footer.append(more);
  popover.append(close, heading, body, footer);

  let current = null;     // the word whose popover is open
  let openedBy = "";      // "hover", "focus" or "tap"
  let pointer = "";       // the kind of the last pointer pressed: "mouse", "touch", "pen"
  let pressing = false;   // a pointer is pressing: the focus it gives is not the keyboard's
  let returning = false;  // the focus goes back to the word of a popover just closed
  let openTimer = 0;
  let closeTimer = 0;

  /* ---- What a word says ------------------------------------------------------------------- */

  // Each word keeps its description aside: its title would show a second, native tooltip.
  function prepare(link) {
    if (link.dataset.description !== undefined) return;
    link.dataset.description = link.getAttribute("title") || "";
    link.removeAttribute("title");
    link.setAttribute("aria-expanded", "false");
    link.setAttribute("aria-controls", popover.id);
  }

  function fill(link) {
    const description = link.dataset.description;
    body.replaceChildren();
    more.href = link.getAttribute("href");
    if (link.classList.contains("footnote-ref")) {
      const number = link.textContent.trim();
      heading.textContent = `Note ${number}`;
      const note = document.getElementById(decodeURIComponent(link.hash.slice(1)));
      if (note) {
        const copy = note.cloneNode(true);
        copy.querySelectorAll(".footnote-backref").forEach((backref) => backref.remove());
        copy.querySelectorAll("[id]").forEach((element) => element.removeAttribute("id"));
        body.append(...copy.childNodes);
      }
      more.textContent = `Lire la note ${number} en bas de page`;
    } else if (link.classList.contains("terme")) {
      heading.textContent = link.textContent.trim();
      body.textContent = description;
      more.textContent = "Voir dans le glossaire";
    } else {
      // « Nom — description » (templates/_inline.md.j2)
      const cut = description.indexOf(" — ");
      const name = cut < 0 ? link.textContent.trim() : description.slice(0, cut);
      heading.textContent = name;
      body.textContent = cut < 0 ? description : description.slice(cut + 3);
      more.textContent = `Fiche : ${name}`;
    }
  }

  /* ---- Opening, placing, closing ---------------------------------------------------------- */

  function open(link, how) {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    if (current !== link) {
      if (current) hide();
      prepare(link);
      fill(link);
      current = link;
      popover.hidden = false;
      link.setAttribute("aria-expanded", "true");
      link.setAttribute("aria-describedby", body.id);
    }
    openedBy = how;
    place();
  }

  function hide() {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    if (!current) return;
    current.setAttribute("aria-expanded", "false");
    current.removeAttribute("aria-describedby");
    popover.hidden = true;
    current = null;
    openedBy = "";
  }

  // Under the word's line, or above it when there is more room there; never over the word.
  function place() {
    if (!current) return;
    const word = current.getBoundingClientRect();
    const width = document.documentElement.clientWidth;
    const height = window.innerHeight;
    const roomBelow = height - word.bottom - GAP_PX - MARGIN_PX;
    const roomAbove = word.top - GAP_PX - MARGIN_PX;
    popover.style.maxHeight = "";
    const natural = popover.offsetHeight;
    const below = natural <= roomBelow || roomBelow >= MIN_ROOM_PX || roomBelow >= roomAbove;
    const room = Math.max(below ? roomBelow : roomAbove, 0);
    popover.style.maxHeight = `${room}px`;
    const shown = Math.min(natural, room);
    const left = Math.max(MARGIN_PX, Math.min(word.left, width - MARGIN_PX - popover.offsetWidth));
    popover.style.left = `${left}px`;
    popover.style.top = `${below ? word.bottom + GAP_PX : word.top - GAP_PX - shown}px`;
  }

  const triggerOf = (target) => (target instanceof Element ? target.closest(TRIGGERS) : null);
  const inside = (target) => target instanceof Node && popover.contains(target);

  /* ---- A mouse ---------------------------------------------------------------------------- */

  document.addEventListener("pointerover", (event) => {
    if (event.pointerType !== "mouse") return;
    const link = triggerOf(event.target);
    if (link) {
      clearTimeout(closeTimer);
      if (current !== link) {
        clearTimeout(openTimer);
        openTimer = setTimeout(() => open(link, "hover"), HOVER_OPEN_MS);
      }
    } else if (inside(event.target)) {
      clearTimeout(closeTimer);
    }
  });

  document.addEventListener("pointerout", (event) => {
    if (event.pointerType !== "mouse") return;
    if (!triggerOf(event.target) && !inside(event.target)) return;
    if (triggerOf(event.relatedTarget) === current || inside(event.relatedTarget)) return;
    clearTimeout(openTimer);
    if (openedBy === "hover") closeTimer = setTimeout(hide, HOVER_CLOSE_MS);
  });

  /* ---- A tap, and a press anywhere -------------------------------------------------------- */

  document.addEventListener("pointerdown", (event) => {
    pointer = event.pointerType;
    pressing = true;
    if (current && !inside(event.target) && triggerOf(event.target) !== current) hide();
  }, true);
  document.addEventListener("pointerup", () => { setTimeout(() => { pressing = false; }); }, true);
  document.addEventListener("pointercancel", () => { pressing = false; }, true);

  document.addEventListener("click", (event) => {
    const link = triggerOf(event.target);
    if (!link) return;
    const kind = event.pointerType || (event.detail === 0 ? "" : pointer);
    if (kind !== "touch" && kind !== "pen") return;   // a mouse or Enter follows the link
    if (current === link && openedBy === "tap") {      // a second tap follows it too
      hide();
      return;
    }
    event.preventDefault();
    open(link, "tap");
    // A screen reader on a touch screen reads the popover next; a finger sees no focus ring.
    popover.focus({ preventScroll: true });
  });

  // The focus back on the word of a popover just closed, which does not open it again
  // (focusin runs within focus()): whatever the order the browser gives a tap's events in.
  function focusBack(link, options) {
    returning = true;
    try {
      link.focus(options);
    } finally {
      returning = false;
    }
  }

  close.addEventListener("click", () => {
    const link = current;
    const keyboard = openedBy === "focus" || popover.contains(document.activeElement);
    hide();
    if (keyboard && link) focusBack(link);
  });

  /* ---- The keyboard ----------------------------------------------------------------------- */

  document.addEventListener("focusin", (event) => {
    const link = triggerOf(event.target);
    // A tap's focus may come after its pointerup: a popover a tap opened stays the tap's, so
    // that a second tap follows the link.
    if (!link || pressing || returning || (link === current && openedBy === "tap")) return;
    open(link, "focus");
  });

  document.addEventListener("focusout", (event) => {
    if (!current || openedBy !== "focus") return;
    if (event.relatedTarget === current || inside(event.relatedTarget)) return;
    hide();
  });

  document.addEventListener("keydown", (event) => {
    pointer = "";
    if (event.key !== "Escape" || !current) return;
    const link = current;
    const within = popover.contains(document.activeElement);
    hide();
    if (within) focusBack(link, { preventScroll: true });
  });

  window.addEventListener("scroll", () => { if (current) requestAnimationFrame(place); }, { passive: true });
  window.addEventListener("resize", () => { if (current) requestAnimationFrame(place); });

  function start() {
    document.body.append(popover);
    document.querySelectorAll(TRIGGERS).forEach(prepare);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
