// A section's id in the policy browser's URLs and deep links: its heading folded to ASCII
// ("3.1 Personuppgifter" -> "3-1-personuppgifter"). Shared by the server and the browser.
export function sectionSlug(heading: string): string {
  return (
    heading
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80) || "section"
  );
}
