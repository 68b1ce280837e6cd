import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "./engine";

/** The newest modification time of the TypeScript sources `tsc -p tsconfig.build.json` compiles into dist/. */
function newestSource(dir: string): number {
    return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
        const full = path.join(dir, entry.name);
        const time = entry.isDirectory() ? newestSource(full) : entry.name.endsWith(".ts") ? statSync(full).mtimeMs : 0;
        return Math.max(newest, time);
    }, 0);
}

/** Fails when dist/ is missing or older than the sources: a packed package must hold the code under test. */
export function assertBuildFresh(): void {
    const sources = Math.max(
        ...["sdk", "components", "bin"].map((dir) => {
            try {
                return newestSource(path.join(REPO_ROOT, dir));
            } catch {
                return 0;
            }
        }),
        statSync(path.join(REPO_ROOT, "index.ts")).mtimeMs,
    );
    let builtAt = 0;
    try {
        builtAt = statSync(path.join(REPO_ROOT, "dist", "index.js")).mtimeMs;
    } catch {
        // not built
    }
    assert.ok(builtAt >= sources, "dist/ is missing or older than the sources: run `npx tsc -p tsconfig.build.json`");
}

export interface PackedPackage {
    /** Absolute path of the tarball. */
    tarball: string;
    /** The files in it, relative to the package root. */
    files: string[];
}

/** `npm pack` of the repository into `destination`, as users get the package. */
export function packPackage(destination: string): PackedPackage {
    assertBuildFresh();
    const [packed] = JSON.parse(
        execFileSync("npm", ["pack", "--json", "--pack-destination", destination], {
            cwd: REPO_ROOT,
            encoding: "utf8",
            stdio: ["ignore", "pipe", "pipe"],
        }),
    ) as { filename: string; files: { path: string }[] }[];
    return {
        tarball: path.join(destination, path.basename(packed!.filename)),
        files: packed!.files.map((f) => f.path),
    };
}
