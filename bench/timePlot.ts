import type { BenchResults } from "./benchResults";
import { median } from "./median";
import type { Operation } from "./scaleRun";

const PLOTTED: { operation: Operation; color: string }[] = [
    { operation: "up", color: "#1f77b4" },
    { operation: "preview --refresh", color: "#2ca02c" },
    { operation: "destroy", color: "#d62728" },
];
const WIDTH = 760;
const HEIGHT = 420;
const MARGIN = { left: 60, right: 210, top: 56, bottom: 50 };

/**
 * An SVG line plot of wall time (median of the cycles) against component count (log scale): one solid line per
 * operation and a dashed line for the same operation on the floor stack.
 */
export function timePlot(results: BenchResults): string {
    const scale = results.scale.filter((s) => s.profile === "no-latency");
    const counts = scale.map((s) => s.components);
    const seconds = (operation: Operation, floor: boolean) =>
        scale.map((s) => {
            const measure = s.operations.find((o) => o.operation === operation);
            return measure ? median(floor ? measure.floorSeconds : measure.seconds) : 0;
        });
    const maxSeconds = Math.max(
        1,
        ...PLOTTED.flatMap((p) => [...seconds(p.operation, false), ...seconds(p.operation, true)]),
    );
    const yMax = niceCeiling(maxSeconds);
    const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
    const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
    const logMin = Math.log10(Math.min(...counts));
    const logSpan = Math.log10(Math.max(...counts)) - logMin || 1;
    const x = (count: number) => MARGIN.left + ((Math.log10(count) - logMin) / logSpan) * plotWidth;
    const y = (value: number) => MARGIN.top + plotHeight - (value / yMax) * plotHeight;

    const parts: string[] = [];
    for (let i = 0; i <= 5; i++) {
        const value = (yMax / 5) * i;
        parts.push(
            `<line x1="${MARGIN.left}" y1="${y(value)}" x2="${MARGIN.left + plotWidth}" y2="${y(value)}" stroke="#e0e0e0"/>`,
            `<text x="${MARGIN.left - 8}" y="${y(value) + 4}" text-anchor="end">${round(value)}</text>`,
        );
    }
    for (const count of counts) {
        parts.push(
            `<line x1="${x(count)}" y1="${MARGIN.top}" x2="${x(count)}" y2="${MARGIN.top + plotHeight}" stroke="#f0f0f0"/>`,
            `<text x="${x(count)}" y="${MARGIN.top + plotHeight + 18}" text-anchor="middle">${count}</text>`,
        );
    }
    PLOTTED.forEach(({ operation, color }, i) => {
        for (const floor of [false, true]) {
            const points = counts.map(
                (count, j) => `${round(x(count))},${round(y(seconds(operation, floor)[j] ?? 0))}`,
            );
            const dash = floor ? ' stroke-dasharray="6 4"' : "";
            parts.push(
                `<polyline points="${points.join(" ")}" fill="none" stroke="${color}" stroke-width="2"${dash}/>`,
            );
            for (const point of points) {
                const [px, py] = point.split(",");
                parts.push(`<circle cx="${px}" cy="${py}" r="3" fill="${floor ? "white" : color}" stroke="${color}"/>`);
            }
            const legendY = MARGIN.top + 10 + (i * 2 + (floor ? 1 : 0)) * 20;
            const legendX = MARGIN.left + plotWidth + 20;
            parts.push(
                `<line x1="${legendX}" y1="${legendY}" x2="${legendX + 28}" y2="${legendY}" stroke="${color}" stroke-width="2"${dash}/>`,
                `<text x="${legendX + 36}" y="${legendY + 4}">${operation}${floor ? " (floor)" : ""}</text>`,
            );
        }
    });
    return [
        `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
        `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
        `<text x="${MARGIN.left}" y="22" font-size="14" font-weight="bold">Wall time against component count</text>`,
        `<text x="${MARGIN.left}" y="40">dashed: the engine's floor, the same number of no-op dynamic resources</text>`,
        ...parts,
        `<line x1="${MARGIN.left}" y1="${MARGIN.top + plotHeight}" x2="${MARGIN.left + plotWidth}" y2="${MARGIN.top + plotHeight}" stroke="black"/>`,
        `<line x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${MARGIN.top + plotHeight}" stroke="black"/>`,
        `<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 12}" text-anchor="middle">components (log scale)</text>`,
        `<text transform="translate(16 ${MARGIN.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">wall time (s)</text>`,
        "</svg>",
        "",
    ].join("\n");
}

function niceCeiling(value: number): number {
    const step = 10 ** Math.floor(Math.log10(value));
    return Math.ceil(value / step) * step;
}

function round(value: number): number {
    return Math.round(value * 10) / 10;
}
