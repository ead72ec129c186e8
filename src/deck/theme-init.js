/* Runs before the page paints (a classic, same-origin script in <head>): apply a remembered
   theme so a dark-theme reader never sees a white flash. Kept tiny and dependency-free. */
(function () {
  try {
    var stored = window.localStorage.getItem('theme');
    if (stored === 'light' || stored === 'dark') document.documentElement.setAttribute('data-theme', stored);
  } catch (e) {
    /* storage blocked: follow prefers-color-scheme */
  }
})();
