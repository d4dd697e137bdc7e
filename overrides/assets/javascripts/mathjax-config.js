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
  };

  // The speech rules that the menu's accessibility items load come from the
  // site's own copy (sre/mathmaps), not from the speech-rule engine's CDN.
  window.SREfeature = { json: `${root}sre/mathmaps` };

  // The context menu, on demand. The first right-click on a formula loads
  // ui/menu, makes MathJax's document again with it (as the menu itself does
  // when it loads an accessibility extension), typesets the page again and
  // opens the menu on the same formula.
  let loading = null;
  document.addEventListener(
    "contextmenu",
    (event) => {
      const formula = event.target.closest?.(".arithmatex");
      if (!formula || !window.MathJax.startup?.document || MathJax._.ui?.menu) return;
      event.preventDefault();
      event.stopPropagation();
      const { clientX, clientY } = event;
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
        .then((container) =>
          container.dispatchEvent(
            new MouseEvent("contextmenu", { bubbles: true, cancelable: true, clientX, clientY }),
          ),
        )
        .catch((error) => console.error("MathJax menu:", error));
    },
    true,
  );

  // The formula's typeset container; lazy typesetting may still be on its way.
  function typesetContainer(formula) {
    return new Promise((resolve) => {
      const look = () => {
        const container = formula.querySelector("mjx-container");
        if (container) resolve(container);
        else requestAnimationFrame(look);
      };
      look();
    });
  }
})();
