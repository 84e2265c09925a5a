// Site chrome that boosted navigation does not re-render: the header's "you are here" mark.
function markCurrentSection() {
  const here = location.pathname;
  for (const link of document.querySelectorAll(".site-nav a")) {
    const target = new URL(link.href, location.href);
    const current = !target.hash && (here === target.pathname || (target.pathname !== "/" && here.startsWith(target.pathname) && link.dataset.section === "prefix"));
    if (current) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

markCurrentSection();
document.body.addEventListener("htmx:afterSettle", markCurrentSection);
window.addEventListener("popstate", () => setTimeout(markCurrentSection));
