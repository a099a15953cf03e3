// The portal's script: records what the app tells it, and mounts it by hand on /manual/.
window.hostLog = [];
for (const name of ["fasttrack:loaded", "fasttrack:ready", "fasttrack:step", "fasttrack:submitted", "fasttrack:error"]) {
  document.addEventListener(name, (e) => hostLog.push({ name, detail: e.detail ?? null, target: e.target?.id ?? null }));
}
document.addEventListener("securitypolicyviolation", (e) =>
  hostLog.push({ name: "csp", detail: `${e.violatedDirective} ${e.blockedURI}` }),
);

const manual = document.getElementById("ft-manual");
if (manual) {
  let handle;
  document.getElementById("host-mount").addEventListener("click", () => {
    handle = FastTrack.mount(manual, { base: "/manual", endpoint: "/api/requests", locales: ["en"] });
  });
  document.getElementById("host-unmount").addEventListener("click", () => {
    handle?.unmount();
    handle = undefined;
  });
}
