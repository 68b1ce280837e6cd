/** A markdown table; `align` has one letter per column, `l` or `r`. */
export function markdownTable(header: string[], rows: string[][], align: string): string {
    const rule = header.map((_, i) => (align[i] === "r" ? "---:" : "---"));
    return [header, rule, ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}
