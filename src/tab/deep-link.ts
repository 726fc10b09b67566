// A Teams deep link to a section of the policy browser: Teams opens the personal tab
// "policy" of the app and hands "<pack>/<section id>" to the page as the context's subPageId
// (subEntityId in the link). For the answer card's Action.OpenUrl; the tab reads it in main.ts.
import { sectionSlug } from "./section-slug";

export function policySectionDeepLink(teamsAppId: string, packId: string, sectionHeading: string, label = "Policyn"): string {
  const context = encodeURIComponent(JSON.stringify({ subEntityId: `${packId}/${sectionSlug(sectionHeading)}` }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/policy?label=${encodeURIComponent(label)}&context=${context}`;
}

/** "<pack>/<section id>" or "<section id>" (a link, ?pack=&section=, or a deep link's subPageId) */
export function parseSectionRef(ref: string | null | undefined): { pack?: string; section?: string } {
  if (!ref) return {};
  const m = /^(?:([a-z0-9-]+)\/)?([a-z0-9-]+)$/.exec(ref);
  return m ? { pack: m[1], section: m[2] } : {};
}
