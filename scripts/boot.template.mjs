// Starts FastTrack onboarding. Addresses are relative to this file, so the bundle works
// from any path and any host page that includes this script (no inline script needed).
// The app mounts into the page's [data-fasttrack] element, or into each <fasttrack-onboarding>
// element (defined here: see below); then the one global, FastTrack.mount(element, options),
// is published and "fasttrack:loaded" is dispatched on document. A prerendered guide page
// loads the app only where it would change something (below).
//
// dist/boot.js (a browser module) is written from scripts/boot.template.mjs by
// scripts/finish-dist.mjs: it puts the content-hashed names of the files it wrote in place of
// the object between the BUILT markers, and changes nothing else (release builds are then
// minified).
// The facts about the app boot.js uses come from the app's own code (src/prerender.rs,
// `boot_facts`): the custom element's attributes (its settings' table), the storage key of the
// reader's language and the prefix of what the wizard keeps. No address rule is written here:
// a prerendered page names the packs it needs (`data-packs`), as the app's `Address` says.
const built = /* BUILT: */ {
  app: { js: "fasttrack-onboarding.js", wasm: "fasttrack-onboarding_bg.wasm", pieces: "fasttrack-onboarding-pieces.js" },
  wizardCss: "wizard.css",
  elementCss: "element.css",
  printPathCss: "print-path.css",
  attributes: [],
  localeKey: "",
  keptPrefix: "",
} /* :BUILT */;

const mounts = document.querySelectorAll("[data-fasttrack]");
// This file's own address (with any query a deployment adds, such as ?v=3): the bundle's files
// are beside it, and the app is told so when it starts.
const here = (file) => new URL("./" + file, import.meta.url).href;
// Whether answers or a reference an earlier visit kept are in this browser: the app reads them
// and sweeps away what today's settings do not keep or what has expired, so a page where
// something is kept loads it, even a prerendered guide page. (Asked only once the page is
// idle: a first look at the browser's storage can hold up its main thread.)
const answersKept = () =>
  [() => localStorage, () => sessionStorage].some((storage) => {
    try {
      return Object.keys(storage()).some((key) => key.startsWith(built.keptPrefix));
    } catch {
      return false;
    }
  });
/** Resolves when the app can mount (set below, once it is loaded). */
let appMount;
const appReady = new Promise((resolve) => (appMount = resolve));
const standalone = mounts[0]?.hasAttribute("data-standalone") ?? false;

// <fasttrack-onboarding endpoint="/api/fasttrack" base="/admin/help"></fasttrack-onboarding>:
// the app in the element's own shadow root, so no portal selector reaches in (only inherited
// properties, and the --ft-* custom properties set on the element, pass). Its attributes are
// the settings, read by the app (src/host/sources.rs); `element.settings = { … }` takes what
// does not fit an attribute, as mount()'s options do. The app mounts when the element is
// connected, mounts again with the new settings when an attribute or `settings` changes, and
// unmounts when the element is removed.
let printRulesLinked = false;

class FastTrackOnboarding extends HTMLElement {
  static observedAttributes = built.attributes;
  #settings;
  #app;
  #generation = 0;

  get settings() {
    return this.#settings;
  }
  set settings(value) {
    this.#settings = value;
    if (this.isConnected) this.#mount();
  }
  connectedCallback() {
    this.#mount();
  }
  attributeChangedCallback(_name, before, after) {
    if (before !== after && this.isConnected && this.#app) this.#mount();
  }
  disconnectedCallback() {
    this.#generation++;
    this.#unmount();
  }
  #unmount() {
    this.#app?.unmount();
    this.#app = undefined;
    this.shadowRoot?.replaceChildren();
  }
  async #mount() {
    const generation = ++this.#generation;
    // Printing happens in the portal's document: the rules that leave out everything but the
    // app apply only while the app prints (src/request/record.rs).
    if (!printRulesLinked) {
      printRulesLinked = true;
      document.head.append(Object.assign(document.createElement("link"), { rel: "stylesheet", media: "print", href: here(built.printPathCss) }));
    }
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    const stylesheet = Object.assign(document.createElement("link"), { rel: "stylesheet", href: here(built.elementCss) });
    const loaded = new Promise((resolve) => (stylesheet.onload = stylesheet.onerror = resolve));
    const container = document.createElement("div");
    this.#unmount();
    root.append(stylesheet);
    const [mount] = await Promise.all([appReady, loaded]);
    // Removed, or mounted again, while the stylesheet or the build loaded.
    if (generation !== this.#generation) return;
    root.append(container);
    this.#app = mount(container, this.#settings);
  }
}
if (!customElements.get("fasttrack-onboarding")) customElements.define("fasttrack-onboarding", FastTrackOnboarding);

// A guide page prerendered at build time (scripts/prerender.mjs) is already whole and its
// links work: a language link does what the app's does (it keeps the section the reader is at,
// and the choice is remembered: src/browser.rs, LOCALE_KEY), the switcher is a <details>. So
// the app is loaded there only where the deployment's settings could change the page
// (config.json with any setting, or settings on the element) or where answers are kept (above);
// it then takes the page over when the browser is idle, without a visible change. Everywhere
// else the page stays as built: no WebAssembly is fetched at all.
const prerendered = mounts.length === 1 && mounts[0].hasAttribute("data-prerendered") && !document.querySelector("fasttrack-onboarding");
// The wizard's first question, prerendered too (`data-prerendered="question"`), is answered
// through the app: it is always loaded, once the page has loaded (below).
const prerenderedQuestion = prerendered && mounts[0].getAttribute("data-prerendered") === "question";
if (prerendered) {
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element && event.target.closest("[data-fasttrack] .ft-languages a[hreflang]");
    if (!link) return;
    // Only a section of the guide (not the skip link's #ft-main): as the app's addresses do.
    const here = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!link.hash && here?.matches("section.ft-section")) link.hash = location.hash;
    try {
      localStorage.setItem(built.localeKey, link.hreflang);
    } catch {}
  });
}

/**
 * Until the app takes a prerendered question over, the page is the reader's to answer: its
 * answers (disabled in the HTML, for readers without JavaScript) are enabled, and Continue
 * waits. When the app has drawn the page over it ("fasttrack:ready"), each answer the reader
 * gave is given to the app's own control of the same id, as an input and a change event, and
 * Continue is pressed again if it was. Returns what to do if the app cannot be loaded: the
 * answers are disabled again and the page says, in its language, what it needs.
 */
function holdAnswers(element) {
  // (The prerendered question's controls are inputs: boxes, radios and text.)
  const controls = [...element.querySelectorAll("input[id], textarea[id]")];
  const ticks = (c) => c.type === "checkbox" || c.type === "radio";
  const changed = (c) => (ticks(c) ? c.checked !== c.defaultChecked && c.checked : c.value !== c.defaultValue);
  let continued = false;
  const wait = (event) => {
    event.preventDefault();
    continued = true;
  };
  element.addEventListener("submit", wait);
  const fieldsets = [...element.querySelectorAll("fieldset[disabled]")];
  for (const fieldset of fieldsets) fieldset.disabled = false;
  element.addEventListener(
    "fasttrack:ready",
    () => {
      element.removeEventListener("submit", wait);
      // The controls answered here are no longer in the page, but still hold the answers.
      for (const old of controls.filter(changed)) {
        const control = element.querySelector(`#${CSS.escape(old.id)}`);
        if (!control || control.type !== old.type) continue;
        if (ticks(old)) control.checked = old.checked;
        else control.value = old.value;
        control.dispatchEvent(new Event("input", { bubbles: true }));
        control.dispatchEvent(new Event("change", { bubbles: true }));
      }
      if (continued) element.querySelector("form")?.requestSubmit();
    },
    { once: true },
  );
  return () => {
    for (const fieldset of fieldsets) fieldset.disabled = true;
    // The <noscript> notice, shown as its text (no HTML is parsed: a Trusted Types CSP holds).
    const note = element.querySelector("noscript");
    // (The prerender escapes only these three in text.)
    const entities = { amp: "&", lt: "<", gt: ">" };
    const text = note?.textContent.replace(/<[^>]*>/g, "").replace(/&(amp|lt|gt);/g, (_, e) => entities[e]);
    const said = Object.assign(document.createElement("p"), { className: "ft-callout ft-callout--warning", textContent: text });
    said.setAttribute("role", "alert"); // it comes after the page: said when it does
    note?.replaceWith(said);
  };
}

/** Whether the deployment sets anything the app would apply: `data-*` settings on the element,
 * or a config.json that is not the built one (`{}`); one that cannot be read is left to the
 * app, which says why in the console. */
async function settingsGiven(element) {
  const own = ["data-fasttrack", "data-standalone", "data-prerendered", "data-packs"];
  if ([...element.attributes].some((a) => a.name.startsWith("data-") && !own.includes(a.name))) return true;
  try {
    const response = await fetch(here("config.json"), { priority: "low" });
    return response.ok && !/^\s*\{\s*\}\s*$/.test(await response.text());
  } catch {
    return false;
  }
}

/** On a prerendered page, preloads the packs it names (`data-packs`: what the app will fetch
 * to draw it, as `Address` says), so that they come with the app, not after it. */
function preloadText() {
  for (const file of mounts[0]?.dataset.packs?.split(" ") ?? []) {
    document.head.append(Object.assign(document.createElement("link"), { rel: "preload", as: "fetch", crossOrigin: "anonymous", href: here("locales/" + file) }));
  }
}

/** Loads the app, mounts it, and publishes `FastTrack.mount`. */
async function start() {
  // The wasm download starts now, alongside the glue's (and a prerendered page has already
  // preloaded the packs its `data-packs` names; the app asks for the same files once it runs).
  const app = built.app;
  const wasm = fetch(here(app.wasm));
  // The glue imports the loader of the app's pieces: fetched now, not after the glue.
  document.head.append(Object.assign(document.createElement("link"), { rel: "modulepreload", href: here(app.pieces) }));
  preloadText();
  // A standalone page may show the wizard: it needs its styles (host pages link fasttrack.css).
  const styles = new Promise((resolve) => {
    // (A prerendered question links them itself.)
    if (!standalone || document.querySelector(`link[rel=stylesheet][href$="${built.wizardCss}"]`)) return resolve();
    const link = Object.assign(document.createElement("link"), {
      rel: "stylesheet",
      href: here(built.wizardCss),
    });
    link.onload = link.onerror = resolve;
    document.head.append(link);
  });
  const [{ default: init, mount, boot }] = await Promise.all([import("./" + app.js), styles]);
  await init({ module_or_path: wasm });
  boot(here(""));
  appMount(mount);
  globalThis.FastTrack = Object.freeze({ mount });
  document.dispatchEvent(new CustomEvent("fasttrack:loaded"));
}

/** Resolves `delay` ms after the page has loaded and the browser is idle. */
function afterLoad(delay) {
  return new Promise((resolve) => {
    const later = () => setTimeout(resolve, delay);
    const whenIdle = () => (globalThis.requestIdleCallback ? requestIdleCallback(later, { timeout: 2000 }) : later());
    if (document.readyState === "complete") whenIdle();
    else addEventListener("load", whenIdle, { once: true });
  });
}

// On a prerendered guide page nothing is fetched until a moment after the page has loaded and
// the browser is idle: the page is already whole, and its paint must wait for nothing of ours.
if (prerendered && !prerenderedQuestion) await afterLoad(500);
if (prerenderedQuestion) {
  const unusable = holdAnswers(mounts[0]);
  // Nothing of the app is needed to paint the question: its files are asked for once the page
  // has loaded and the browser has a moment, so that nothing competes with the paint. (Lighthouse's
  // simulated LCP counts every request started before the paint, whatever it is for.) The
  // answers work meanwhile.
  await afterLoad(0);
  await start().catch((error) => {
    unusable();
    throw error;
  });
} else if (!prerendered || answersKept() || (await settingsGiven(mounts[0]))) await start();
