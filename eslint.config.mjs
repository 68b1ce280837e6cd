// @ts-check
import pulumi from "@pulumi/eslint-plugin";
import tseslint from "typescript-eslint";

export default tseslint.config(
    { ignores: ["dist/", "node_modules/", ".work/", ".tools/", "examples/*/node_modules/", "**/*.js", "**/*.mjs"] },
    ...tseslint.configs.recommended,
    {
        files: ["**/*.ts"],
        languageOptions: {
            parserOptions: {
                projectService: true,
                tsconfigRootDir: import.meta.dirname,
            },
        },
        plugins: { "@pulumi": pulumi },
        rules: {
            "@pulumi/no-output-in-template-literal": "error",
            "@pulumi/no-output-instance-in-template-literal": "error",
            "@typescript-eslint/no-floating-promises": "error",
            "@typescript-eslint/no-require-imports": "off", // dynamic providers load modules inside their methods
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
            curly: "error",
            eqeqeq: ["error", "smart"],
            "prefer-const": "error",
        },
    },
    {
        // Layers: the policy pack checks resources and depends on sdk/ only; sdk/ depends on nothing above it.
        files: ["policy/**/*.ts"],
        rules: {
            "no-restricted-imports": [
                "error",
                {
                    patterns: [
                        {
                            group: ["**/components", "**/components/**", "**/bin/**", "**/emulators/**"],
                            message: "policy/ depends on sdk/ only; move what it needs into sdk/.",
                        },
                    ],
                },
            ],
        },
    },
    sdkLayer(["sdk/**/*.ts"], [], ""),
    // Inside sdk/: core and config < <service>/api (clients, schemas) < dynamic (the provider framework) <
    // <service>/resources (Args classes and definitions) < runtime (the registry the provider process loads).
    sdkLayer(
        ["sdk/core/**/*.ts", "sdk/config/**/*.ts"],
        ["**/pingone/**", "**/docuware/**", "**/dynamic/**", "**/runtime/**"],
        "sdk/core and sdk/config are the lowest layer: they import nothing else of sdk/.",
    ),
    sdkLayer(
        ["sdk/*/api/**/*.ts"],
        ["**/resources/**", "**/dynamic/**", "**/runtime/**"],
        "<service>/api/ (clients, schemas, settings) never imports resources/, dynamic/ or runtime/.",
    ),
    sdkLayer(
        ["sdk/dynamic/**/*.ts"],
        ["**/pingone/**", "**/docuware/**", "**/runtime/**"],
        "sdk/dynamic/ is the service-independent provider framework: it imports core/ and config/ only.",
    ),
    sdkLayer(
        ["sdk/*/resources/**/*.ts"],
        ["**/runtime/**"],
        "resources import api/ and dynamic/; only sdk/runtime/ imports the definitions.",
    ),
);

/** `no-restricted-imports` for one layer of sdk/: nothing from above the package (components, policy, bin,
 * emulators), nor from the sdk folders in `above`. Each call repeats the package-wide patterns, since a later config
 * object replaces the rule's options rather than merging them. */
function sdkLayer(files, above, message) {
    const patterns = [
        {
            group: ["**/components", "**/components/**", "**/policy/**", "**/bin/**", "**/emulators/**"],
            message: "sdk/ is the lowest layer; it imports nothing from the layers above it.",
        },
    ];
    if (above.length > 0) {
        patterns.push({ group: above, message });
    }
    return { files, rules: { "no-restricted-imports": ["error", { patterns }] } };
}
