// MathJax reads this object when tex-chtml.js starts (it is loaded right after).
// arithmatex (generic mode) wraps formulas in \( \) and \[ \] inside
// elements of class "arithmatex"; nothing else on the page is typeset.
window.MathJax = {
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
