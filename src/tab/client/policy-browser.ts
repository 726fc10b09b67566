// The policy browser: the active pack's sections and rules, and a search that asks the
// same engine as the bot's answers (the server's /tab/api/policy/search). A section has an
// id (its slug): /tab/policy?section=<id>, or a Teams deep link's subPageId, opens it.
import { fill, h, lookup, notice } from "./dom";
import type { Api } from "./api";
import type { PageData } from "./main";

interface PolicyView {
  pack: string;
  organisation: string;
  title: string;
  version: string | null;
  sections: Array<{ id: string; heading: string; passages: Array<{ id: string; rule: string | null; text: string }> }>;
}
interface SearchResult {
  answer: string;
  verdict: string | null;
  refused: boolean;
  citations: Array<{ sectionId: string; section: string; rule: string | null; quote: string }>;
}

export async function mountPolicy(root: HTMLElement, d: PageData, api: Api, packId: string, openSection: string | null): Promise<void> {
  const k = (key: string, vars?: Record<string, string | number>) => fill(lookup(d.text.tab, `policy.${key}`), vars);
  const p = await api.get<PolicyView>(`/tab/api/policy?pack=${encodeURIComponent(packId)}`);
  const input = h("input", { type: "search", id: "policy-q", placeholder: k("searchPlaceholder"), autocomplete: "off", maxlength: 1000 });
  const results = h("div", { id: "answer", "aria-live": "polite" });
  const form = h("form", { role: "search", class: "search" }, h("label", { for: "policy-q" }, k("searchLabel")), h("div", { class: "row" }, input, h("button", { type: "submit", class: "primary" }, k("searchButton"))));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const q = input.value.trim();
    if (!q) return;
    const r = await api.get<SearchResult>(`/tab/api/policy/search?pack=${encodeURIComponent(p.pack)}&q=${encodeURIComponent(q)}`);
    results.replaceChildren(
      h("h2", {}, k("answerHeading")),
      h("p", { class: r.refused ? "answer refused" : "answer" }, r.answer),
      ...r.citations.map((c) => h("blockquote", { class: "quote" }, c.quote, h("cite", {}, h("a", { href: `#${c.sectionId}`, onclick: () => open(c.sectionId) }, c.rule ? `${c.section}, ${k("rule", { rule: c.rule })}` : c.section)))),
    );
  });

  const toc = h("ol", { class: "toc" }, ...p.sections.map((s) => h("li", {}, h("a", { href: `#${s.id}`, onclick: () => open(s.id) }, s.heading))));
  const sections = p.sections.map((s) =>
    h("details", { class: "section", id: s.id },
      h("summary", {}, h("h3", {}, s.heading)),
      ...s.passages.map((x) => h("p", { class: "passage", id: `p-${x.id.replace(/[^A-Za-z0-9_-]/g, "-")}` }, x.rule ? h("strong", { class: "rule" }, `${x.rule}. `) : "", x.text)),
      h("button", { type: "button", class: "link", onclick: () => copyLink(s.id) }, k("link")),
    ),
  );
  const open = (id: string) => {
    const el = document.getElementById(id) as HTMLDetailsElement | null;
    if (!el) return;
    el.open = true;
    el.scrollIntoView({ block: "start" });
    (el.querySelector("summary") as HTMLElement).focus();
  };
  const copyLink = async (id: string) => {
    const url = `${location.origin}/tab/policy?pack=${encodeURIComponent(p.pack)}&section=${encodeURIComponent(id)}&lang=${d.lang}`;
    await navigator.clipboard.writeText(url).then(() => notice(k("linkCopied")), () => undefined);
  };
  root.append(
    h("p", { class: "intro" }, `${p.organisation}: ${p.title}${p.version ? ` (${p.version})` : ""}`),
    form,
    results,
    h("h2", {}, k("sectionsHeading")),
    h("nav", { "aria-label": k("sectionsHeading") }, toc),
    ...sections,
  );
  if (openSection) open(openSection);
}
