// MathJax reads this object when startup.js starts (it is loaded right after).
// arithmatex (generic mode) wraps formulas in \( \) and \[ \] inside
// elements of class "arithmatex"; nothing else on the page is typeset.
//
// Instead of the combined tex-chtml.js (1.16 MB) the page loads startup.js and
// only the parts it needs to show formulas (about 0.75 MB): TeX input, CHTML
// output, lazy typesetting (a formula is typeset when it scrolls into view, so
// the first screen appears at once) and the hidden MathML copy that screen
// readers read. The context menu (0.43 MB) is loaded when a reader first asks
// for it: see the end of this file.
(() => {
  // MathJax lives next to this file (assets/mathjax/). Every language loads
  // this file and MathJax from the main site's assets, so a reader who switches
  // language downloads them once.
  const root = new URL("../mathjax/", document.currentScript.src).href;

  let menuSettings = null;
  try {
    menuSettings = localStorage.getItem("MathJax-Menu-Settings");
  } catch (error) {
    // Storage may be off: the menu then starts with its defaults.
  }

  window.MathJax = {
    loader: {
      load: [
        "input/tex",
        "output/chtml",
        "ui/lazy",
        "a11y/assistive-mml",
        // A reader who changed a menu setting (renderer, zoom, accessibility)
        // gets it on every page: the menu applies its stored settings at startup.
        ...(menuSettings ? ["ui/menu"] : []),
      ],
    },
    tex: {
      inlineMath: [["\\(", "\\)"]],
      displayMath: [["\\[", "\\]"]],
      processEscapes: true,
      processEnvironments: true,
      // An unknown macro becomes a visible <mjx-merror> that the browser tests count.
      packages: { "[-]": ["noundefined"] },
    },
    options: {
      ignoreHtmlClass: ".*|",
      processHtmlClass: "arithmatex",
    },
    startup: {
      ready() {
        MathJax.startup.defaultReady();
        // Every typeset formula can be reached with the Tab key, as the menu
        // makes it (its ContextMenu store gives each one tabindex="0"); once
        // the menu is there, it does this itself, and keeps a reader's choice
        // to leave formulas out of the tab order. Right after typesetting
        // (TYPESET is 150), before the menu's own action (CONTEXT_MENU, 170).
        // (Added here: with ui/lazy, MathJax 3.2.2 refuses new renderActions
        // in the options.)
        MathJax.startup.document.addRenderAction(
          "focusable",
          160,
          (doc) => {
            for (const math of doc.math) focusable(math, doc);
          },
          focusable,
          false,
        );
      },
      // The formulas already on the screen when the page is ready are typeset
      // with the first pass (ui/lazy's lazyAlwaysTypeset option), not after
      // lazy typesetting's round trip (an IntersectionObserver report, then an
      // idle callback); the others, and those in closed blocks, stay lazy.
      pageReady() {
        const { document: doc } = MathJax.startup;
        const shown = [...document.querySelectorAll(".arithmatex")].filter((formula) => {
          const box = formula.getBoundingClientRect();
          return box.width > 0 && box.bottom > 0 && box.top < window.innerHeight;
        });
        doc.options.lazyAlwaysTypeset = shown.length ? shown : null;
        return MathJax.startup.defaultPageReady().finally(() => {
          doc.options.lazyAlwaysTypeset = null;
        });
      },
    },
  };

  function focusable(math, doc) {
    const container = math.typesetRoot;
    if (doc.menu || !container || container.hasAttribute("tabindex")) return;
    if (!container.querySelector("mjx-lazy")) container.setAttribute("tabindex", "0");
  }

  // The speech rules that the menu's accessibility items load come from the
  // site's own copy (sre/mathmaps), not from the speech-rule engine's CDN.
  window.SREfeature = { json: `${root}sre/mathmaps` };

  // The context menu, on demand. A reader opens it on a formula with the mouse
  // (right-click), or on the formula that has the focus with the keyboard: the
  // context-menu key or Shift+F10 (the browser sends the same event as for a
  // right-click), or Space, as MathJax 3.2.2's menu does (its ContextMenu
  // store posts the menu on a Space keydown). The first time, this loads
  // ui/menu, makes MathJax's document again with it (as the menu itself does
  // when it loads an accessibility extension), typesets the page again and
  // opens the menu on the same formula, focused again if it was.
  let loading = null;
  document.addEventListener("contextmenu", (event) => openMenu(event, event), true);
  document.addEventListener(
    "keydown",
    (event) => {
      const space = event.key === " " && !(event.ctrlKey || event.altKey || event.metaKey);
      if (space && event.target.matches?.(".arithmatex mjx-container")) openMenu(event, null);
    },
    true,
  );

  function openMenu(event, point) {
    const formula = event.target.closest?.(".arithmatex");
    if (!formula || !window.MathJax.startup?.document || MathJax._.ui?.menu) return;
    event.preventDefault();
    event.stopPropagation();
    const focused = formula.contains(document.activeElement);
    const { clientX, clientY } = point || {};
    loading ??= MathJax.loader.load("ui/menu").then(() => {
      const { startup } = MathJax;
      const { handlers } = MathJax._.mathjax.mathjax;
      startup.document.state(0, true); // every formula back to its TeX source
      handlers.unregister(startup.handler);
      startup.handler = startup.getHandler(); // now extended by the menu
      handlers.register(startup.handler);
      startup.document = startup.getDocument(); // same input and output jax
      return MathJax.typesetPromise();
    });
    loading
      .then(() => typesetContainer(formula))
      .then((container) => {
        if (focused) container.focus();
        // Without a point (Space), the menu opens at the formula's centre.
        container.dispatchEvent(
          new MouseEvent("contextmenu", { bubbles: true, cancelable: true, clientX, clientY }),
        );
      })
      .catch((error) => console.error("MathJax menu:", error));
  }

  // The formula's typeset container; lazy typesetting may still be on its way.
  function typesetContainer(formula) {
    return new Promise((resolve) => {
      const look = () => {
        const container = formula.querySelector("mjx-container");
        if (container && !container.querySelector("mjx-lazy")) resolve(container);
        else requestAnimationFrame(look);
      };
      look();
    });
  }
})();
