// A Teams deep link to a section of the policy browser: Teams opens the personal tab
// "policy" of the app and hands the section's id to the page as the context's subPageId
// (subEntityId in the link). For a card's Action.OpenUrl; the tab reads it in host.ts.
import { sectionSlug } from "./section-slug";

export function policySectionDeepLink(teamsAppId: string, sectionHeading: string, label = "Policyn"): string {
  const context = encodeURIComponent(JSON.stringify({ subEntityId: sectionSlug(sectionHeading) }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/policy?label=${encodeURIComponent(label)}&context=${context}`;
}
