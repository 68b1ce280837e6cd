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
    {
        files: ["sdk/**/*.ts"],
        rules: {
            "no-restricted-imports": [
                "error",
                {
                    patterns: [
                        {
                            group: [
                                "**/components",
                                "**/components/**",
                                "**/policy/**",
                                "**/bin/**",
                                "**/emulators/**",
                            ],
                            message: "sdk/ is the lowest layer; it imports nothing from the layers above it.",
                        },
                    ],
                },
            ],
        },
    },
);
