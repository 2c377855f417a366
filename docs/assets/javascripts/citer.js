/* Citing an article page: on every paragraph a discreet button copies a French citation of the
   passage, with the paragraph's address (#pN); under the article's information line, "Citer cet
   article" gives the citation, BibTeX and RIS. Everything is read from the page's citation_*
   tags (templates/theme/main.html); a page without them has nothing to cite. The texts a reader
   reads are French, as in the templates. */
(() => {
  "use strict";

  const tag = (name) => document.querySelector(`meta[name="${name}"], meta[property="${name}"]`)?.content || "";
  const title = tag("citation_title");
  if (!title) return;
  const work = {
    title,
    author: tag("citation_author"),
    date: tag("citation_publication_date"),  // YYYY/MM/DD
    outlet: tag("citation_publisher"),
    url: location.origin + location.pathname,  // where the reader reads it (citation_public_url: the configured one)
    edition: tag("og:site_name"),
  };
  const content = document.querySelector(".md-content article");
  if (!content) return;

  function frenchDate(isoSlashed) {
    if (!isoSlashed) return "";
    const [year, month, day] = isoSlashed.split("/").map(Number);
    const named = new Intl.DateTimeFormat("fr-FR", { month: "long", timeZone: "UTC" })
      .format(new Date(Date.UTC(year, month - 1, day)));
    return `${day === 1 ? "1er" : day} ${named} ${year}`;
  }

  // « Auteur, « Titre », Média, date ; dans « Édition », § 5, adresse, consulté le … »
  function citation(paragraph) {
    const parts = [work.author, `« ${work.title} »`, work.outlet, frenchDate(work.date)].filter(Boolean);
    const where = [`dans « ${work.edition || "édition annotée"} »`];
    if (paragraph) where.push(`§ ${paragraph.slice(1)}`);
    where.push(paragraph ? `${work.url}#${paragraph}` : work.url, "consulté le …");
    return `${parts.join(", ")} ; ${where.join(", ")}`;
  }

  const bibtexValue = (text) => text.replace(/([\\{}%&$#_])/g, "\\$1");
  function bibtex() {
    const key = work.url.replace(/\/$/, "").split("/").pop() || "article";
    const fields = [
      work.author && ["author", work.author],
      ["title", work.title],
      work.outlet && ["journal", work.outlet],
      work.date && ["date", work.date.replaceAll("/", "-")],
      work.date && ["year", work.date.slice(0, 4)],
      ["url", work.url],
      ["note", work.edition],
      ["langid", "french"],
    ].filter(Boolean);
    // The title in double braces keeps its capitals; the address as it is.
    const lines = fields.map(([name, value]) =>
      `  ${name} = {${name === "url" ? value : name === "title" ? `{${bibtexValue(value)}}` : bibtexValue(value)}}`);
    return `@article{${key},\n${lines.join(",\n")}\n}`;
  }

  function ris() {
    const lines = [["TY", "NEWS"], work.author && ["AU", work.author], ["TI", work.title],
      work.outlet && ["T2", work.outlet], work.date && ["DA", `${work.date}/`], work.date && ["PY", work.date.slice(0, 4)],
      ["UR", work.url], ["LA", "fr"], ["N1", work.edition], ["ER", ""]].filter(Boolean);
    return lines.map(([name, value]) => `${name}  - ${value}`).join("\n");
  }

  /* ---- Copying, and saying so ------------------------------------------------------------ */

  const status = document.createElement("div");
  status.className = "citer-etat";
  status.setAttribute("role", "status");
  document.body.append(status);
  let hide = 0;

  async function copy(text, what) {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Where the clipboard is refused (a page opened over plain http): the old way.
      const area = Object.assign(document.createElement("textarea"), { value: text });
      document.body.append(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    status.textContent = `${what} copiée`;
    status.classList.add("citer-etat--vu");
    clearTimeout(hide);
    hide = setTimeout(() => status.classList.remove("citer-etat--vu"), 2500);
  }

  /* ---- A button on each paragraph --------------------------------------------------------- */

  for (const paragraph of content.querySelectorAll("p[id^='p'], h2[id^='p']")) {
    if (!/^p\d+$/.test(paragraph.id)) continue;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "citer";
    button.title = "Citer ce passage";
    button.setAttribute("aria-label", `Citer ce passage (§ ${paragraph.id.slice(1)})`);
    button.addEventListener("click", () => copy(citation(paragraph.id), `Citation du § ${paragraph.id.slice(1)}`));
    paragraph.append(button);
  }

  /* ---- "Citer cet article" ------------------------------------------------------------------ */

  const meta = content.querySelector(".article-meta");
  if (!meta) return;
  const box = document.createElement("details");
  box.className = "citer-article";
  const summary = document.createElement("summary");
  summary.textContent = "Citer cet article";
  box.append(summary);
  for (const [label, text] of [["Citation", citation(null)], ["BibTeX", bibtex()], ["RIS", ris()]]) {
    const block = document.createElement("div");
    block.className = "citer-format";
    const head = document.createElement("p");
    head.textContent = label;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.textContent = "Copier";
    button.setAttribute("aria-label", `Copier au format ${label}`);
    button.addEventListener("click", () => copy(text, label === "Citation" ? "Citation" : `Référence ${label}`));
    head.append(" ", button);
    const pre = document.createElement("pre");
    pre.textContent = text;
    pre.dataset.format = label;
    block.append(head, pre);
    box.append(block);
  }
  meta.after(box);
})();
