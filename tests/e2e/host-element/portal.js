// The portal's own script. With `?plain` in its address the portal drops its stylesheets
// (Bootstrap and portal.css): the same page without them, to compare the app's styles with
// and without (tests/e2e/element.spec.ts). It runs before boot.js, so the app never sees them.
if (new URLSearchParams(location.search).has("plain")) {
  for (const link of document.querySelectorAll("link[rel=stylesheet]")) link.remove();
}
