import type { Inventory, InventoryConnection, InventoryRule } from "./inventory";

/** How the generated project reaches PingOne: the worker application and its endpoints (no secret). */
export interface ProjectTarget {
    /** The project's name (Pulumi.yaml, package.json). */
    projectName: string;
    /** Version range of this package for package.json. */
    packageVersion: string;
    workerClientId: string;
    /** The worker application's environment (`pingone:environmentId`). */
    workerEnvironmentId: string;
    regionCode?: string;
    authUrl?: string;
    apiUrl?: string;
}

export interface GeneratedProject {
    /** File name → content. */
    files: Record<string, string>;
    /** The `pulumi config set` commands the program needs; secrets with `--secret` and a `<placeholder>`. */
    configCommands: string[];
    /** Every write the first `pulumi up` makes, for the user to review. */
    writes: string[];
}

const PEER_PULUMI = "^3.216.0";

/** A TypeScript (and JSON) string literal. */
const literal = (value: unknown) => JSON.stringify(value);

function shellQuote(value: string): string {
    return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

function words(name: string): string[] {
    return name
        .normalize("NFKD")
        .replace(/[^A-Za-z0-9]+/g, " ")
        .trim()
        .toLowerCase()
        .split(" ")
        .filter(Boolean);
}

/** Resource name (kebab-case) and identifier (camelCase) for each connection, unique in the program. */
function namesFor(connections: InventoryConnection[]): { resource: string; identifier: string }[] {
    const used = new Set<string>(["config", "plan", "pulumi"]);
    return connections.map((connection) => {
        const parts = words(connection.name);
        const base = parts.length > 0 ? parts : ["connection"];
        let resource = base.join("-");
        for (let n = 2; used.has(resource); n++) {
            resource = `${base.join("-")}-${n}`;
        }
        used.add(resource);
        const identifier = resource
            .split("-")
            .map((part, index) => (index === 0 ? part : part[0]!.toUpperCase() + part.slice(1)))
            .join("");
        return { resource, identifier: /^[0-9]/.test(identifier) ? `c${identifier}` : identifier };
    });
}

function mappingLines(rule: InventoryRule, indent: string): string[] {
    return [
        `${indent}mappings: [`,
        ...rule.mappings.map((m) =>
            m.expression !== undefined
                ? `${indent}    { expression: ${literal(m.expression)}, target: ${literal(m.target)} },`
                : `${indent}    { source: ${literal(m.source)}, target: ${literal(m.target)} },`,
        ),
        `${indent}],`,
    ];
}

function userFilterLine(rule: InventoryRule, indent: string): string {
    const [key, value] = Object.entries(rule.userFilter).find(([, v]) => v !== undefined) ?? ["expression", ""];
    return `${indent}userFilter: { ${key}: ${literal(value)} },`;
}

/** Connection settings the component spells out; `undefined` ones keep their defaults. */
const COMPONENT_CONNECTION_OPTIONS = {
    createUsers: "createUsers",
    updateUsers: "updateUsers",
    disableUsers: "disableUsers",
    removeAction: "removeAction",
    uniqueUserIdentifier: "uniqueUserIdentifier",
    userFilter: "userLookupFilter",
    managed: "deprovisionOnDelete",
} as const;

/** `PropagationStore` settings spelled out in the resource-by-resource form, in the order of its arguments. */
const STORE_SETTINGS = [
    "description",
    "managed",
    "scimUrl",
    "scimVersion",
    "usersResource",
    "groupsResource",
    "authenticationMethod",
    "authorizationType",
    "oauthTokenUrl",
    "basicAuthUser",
    "uniqueUserIdentifier",
    "userFilter",
    "createUsers",
    "updateUsers",
    "disableUsers",
    "removeAction",
    "groupNameSource",
    "groupMembershipHandling",
    "schemaExtensionUrns",
] as const;

/** Config keys of a connection's credentials: the client id is readable, every secret is write-only in PingOne. */
function credentialConfig(connection: InventoryConnection, identifier: string) {
    const method = connection.settings.authenticationMethod ?? "OAuth 2 Client Credentials";
    const who = `connection ${literal(connection.name)}`;
    if (method === "OAuth 2 Bearer Token") {
        return { secrets: [{ key: `${identifier}AccessToken`, what: `OAuth access token of ${who}` }] };
    }
    if (method === "Basic Authentication") {
        return { secrets: [{ key: `${identifier}Password`, what: `Basic authentication password of ${who}` }] };
    }
    if (method === "None") {
        return { secrets: [] };
    }
    return {
        clientId: { key: `${identifier}ClientId`, value: connection.clientId ?? "" },
        secrets: [
            {
                key: `${identifier}ClientSecret`,
                what: `client secret of the DocuWare app registration ${connection.clientId ?? ""} used by ${who}`,
            },
        ],
    };
}

function environmentLine(inventory: Inventory, target: ProjectTarget, indent: string): string[] {
    return inventory.environmentId === target.workerEnvironmentId
        ? []
        : [`${indent}environmentId: ${literal(inventory.environmentId)},`];
}

function componentBlock(
    inventory: Inventory,
    target: ProjectTarget,
    connection: InventoryConnection,
    names: { resource: string; identifier: string },
): string[] {
    const rule = connection.rules.find((r) => !r.notAdopted)!;
    const credentials = credentialConfig(connection, names.identifier);
    const options = Object.entries(COMPONENT_CONNECTION_OPTIONS)
        .filter(([field]) => connection.settings[field] !== undefined)
        .map(([field, option]) => `        ${option}: ${literal(connection.settings[field])},`);
    return [
        `// Connection ${literal(connection.name)} (id ${connection.id}) and its rule ${literal(rule.name)} (id ${rule.id}), adopted as they are.`,
        `const ${names.identifier} = new DocuWarePingOneProvisioning(${literal(names.resource)}, {`,
        `    adopt: true,`,
        ...environmentLine(inventory, target, "    "),
        `    organizationUrl: ${literal(connection.organizationUrl)},`,
        `    existingRegistration: {`,
        `        clientId: config.requireSecret(${literal(credentials.clientId!.key)}),`,
        `        clientSecret: config.requireSecret(${literal(credentials.secrets[0]!.key)}),`,
        `    },`,
        `    planId: plan.planId,`,
        `    connectionName: ${literal(connection.name)},`,
        `    connectionEnabled: ${literal(connection.enabled)},`,
        ...(options.length > 0 ? [`    connection: {`, ...options, `    },`] : []),
        `    ruleName: ${literal(rule.name)},`,
        `    ruleEnabled: ${literal(rule.active)},`,
        userFilterLine(rule, "    "),
        ...mappingLines(rule, "    "),
        `});`,
        `export const ${names.identifier}Status = ${names.identifier}.status;`,
        `export const ${names.identifier}ConnectionId = ${names.identifier}.storeId;`,
        `export const ${names.identifier}RuleId = ${names.identifier}.ruleId;`,
    ];
}

function resourcesBlock(
    inventory: Inventory,
    target: ProjectTarget,
    connection: InventoryConnection,
    names: { resource: string; identifier: string },
): string[] {
    const credentials = credentialConfig(connection, names.identifier);
    const environment = environmentLine(inventory, target, "    ");
    const settings = STORE_SETTINGS.filter((field) => connection.settings[field] !== undefined).map(
        (field) => `    ${field}: ${literal(connection.settings[field])},`,
    );
    const secretArgument: Record<string, string> = {
        ClientSecret: "oauthClientSecret",
        AccessToken: "oauthAccessToken",
        Password: "basicAuthPassword",
    };
    const secretLines = credentials.secrets.map((secret) => {
        const suffix = Object.keys(secretArgument).find((s) => secret.key.endsWith(s))!;
        return `    ${secretArgument[suffix]}: config.requireSecret(${literal(secret.key)}),`;
    });
    const store = `${names.identifier}Connection`;
    const lines = [
        `// Connection ${literal(connection.name)} (id ${connection.id}) does not fit DocuWarePingOneProvisioning:`,
        ...connection.componentMisfits.map((reason) => `//   - ${reason}`),
        `// so its objects are declared one by one, adopted as they are.`,
        `const ${store} = new pingone.PropagationStore(${literal(`${names.resource}-connection`)}, {`,
        `    adopt: true,`,
        ...environment,
        `    name: ${literal(connection.name)},`,
        `    enabled: ${literal(connection.enabled)},`,
        ...settings,
        ...(credentials.clientId
            ? [`    oauthClientId: config.requireSecret(${literal(credentials.clientId.key)}),`]
            : []),
        ...secretLines,
        `});`,
        `export const ${names.identifier}ConnectionId = ${store}.storeId;`,
    ];
    const ruleIds: string[] = [];
    connection.rules.forEach((rule, index) => {
        if (rule.notAdopted) {
            lines.push(`// Rule ${literal(rule.name)} (id ${rule.id}) is not declared: ${rule.notAdopted}.`);
            return;
        }
        const variable = `${names.identifier}Rule${index + 1}`;
        ruleIds.push(`${variable}.ruleId`);
        lines.push(
            `// Rule ${literal(rule.name)} (id ${rule.id}).`,
            `const ${variable} = new pingone.PropagationRule(${literal(`${names.resource}-rule-${index + 1}`)}, {`,
            `    adopt: true,`,
            ...environment,
            `    planId: plan.planId,`,
            `    name: ${literal(rule.name)},`,
            ...(rule.description ? [`    description: ${literal(rule.description)},`] : []),
            ...(rule.sourceStoreId ? [`    sourceStoreId: ${literal(rule.sourceStoreId)},`] : []),
            `    targetStoreId: ${store}.storeId,`,
            userFilterLine(rule, "    "),
            ...mappingLines(rule, "    "),
            ...(rule.groups.length > 0 ? [`    groupIds: ${literal(rule.groups)},`] : []),
            `    active: ${literal(rule.active)},`,
            `});`,
            `export const ${variable}Id = ${variable}.ruleId;`,
        );
    });
    lines.push(
        `// Published again when a declared object changes; adopted, it records the latest revision instead.`,
        `new pingone.PropagationRevision(${literal(`${names.resource}-revision`)}, {`,
        `    adopt: true,`,
        ...environment,
        `    triggers: { connection: ${store}.storeId, rules: [${ruleIds.join(", ")}] },`,
        `});`,
    );
    return lines;
}

function indexTs(inventory: Inventory, target: ProjectTarget, configCommands: string[], writes: string[]): string {
    const names = namesFor(inventory.connections);
    const usesComponent = inventory.connections.some((c) => c.componentMisfits.length === 0);
    const imports = [usesComponent && "DocuWarePingOneProvisioning", "pingone"].filter(Boolean).join(", ");
    const plan = inventory.plan ?? { id: "(none yet)", name: "Default Plan", active: true };
    const lines = [
        `// Generated by \`docuware-pingone import\` from PingOne environment ${inventory.environmentId}.`,
        `// Every object below exists already and is adopted (\`adopt: true\`): the first \`pulumi up\` takes it over as it`,
        `// is. Review this file, run the config commands below, then \`pulumi up\`. Afterwards, change the setup here.`,
        `//`,
        ...configCommands.map((command) => `//   ${command}`),
        `import * as pulumi from "@pulumi/pulumi";`,
        `import { ${imports} } from "pulumi-docuware-pingone";`,
        ``,
        `const config = new pulumi.Config();`,
        ``,
        `// The environment's propagation plan ${literal(plan.name)} (id ${plan.id}); PingOne allows one, shared by every rule.`,
        `const plan = new pingone.PropagationPlan("plan", {`,
        ...environmentLine(inventory, target, "    "),
        `    name: ${literal(plan.name)},`,
        `});`,
        ``,
    ];
    inventory.connections.forEach((connection, index) => {
        const block =
            connection.componentMisfits.length === 0
                ? componentBlock(inventory, target, connection, names[index]!)
                : resourcesBlock(inventory, target, connection, names[index]!);
        lines.push(...block, ``);
    });
    for (const skipped of inventory.skipped) {
        lines.push(`// Not imported: ${literal(skipped.name)} (id ${skipped.id}): ${skipped.reason}.`);
    }
    if (writes.length > 0) {
        lines.push(
            ``,
            `// What the first \`pulumi up\` writes (nothing else changes; rules and mappings that match are not written):`,
            ...writes.map((write) => `//   - ${write}`),
            `pulumi.log.info(${literal(`Adopting the live setup (the first pulumi up): its only writes are ${writes.join("; ")}.`)});`,
        );
    }
    return `${lines
        .join("\n")
        .replace(/\n{3,}/g, "\n\n")
        .trimEnd()}\n`;
}

function configCommandsFor(inventory: Inventory, target: ProjectTarget): string[] {
    const set = (key: string, value: string, secret = false) =>
        `pulumi config set${secret ? " --secret" : ""} ${key} ${shellQuote(value)}`;
    const commands = [
        set("pingone:clientId", target.workerClientId),
        set("pingone:clientSecret", "<client secret of the PingOne worker application>", true),
        set("pingone:environmentId", target.workerEnvironmentId),
    ];
    if (target.authUrl && target.apiUrl) {
        commands.push(set("pingone:authUrl", target.authUrl), set("pingone:apiUrl", target.apiUrl));
    } else if (target.regionCode) {
        commands.push(set("pingone:regionCode", target.regionCode));
    }
    namesFor(inventory.connections).forEach((names, index) => {
        const credentials = credentialConfig(inventory.connections[index]!, names.identifier);
        if (credentials.clientId) {
            commands.push(set(credentials.clientId.key, credentials.clientId.value, true));
        }
        for (const secret of credentials.secrets) {
            commands.push(set(secret.key, `<${secret.what}>`, true));
        }
    });
    return commands;
}

/** The writes adoption makes: PingOne never returns a connection's secret, so it is sent again once. */
function adoptionWrites(inventory: Inventory): string[] {
    return inventory.connections.map(
        (connection) =>
            `PUT connection ${literal(connection.name)} (id ${connection.id}) with its live settings and the write-only secret from the stack config, which PingOne never returns`,
    );
}

function readme(inventory: Inventory, configCommands: string[], writes: string[]): string {
    return [
        `# PingOne → DocuWare provisioning, imported`,
        ``,
        `Generated by \`docuware-pingone import\` from PingOne environment ${inventory.environmentId}.`,
        ``,
        `    npm install`,
        ...configCommands.map((command) => `    ${command}`),
        `    pulumi up`,
        `    pulumi preview --refresh --expect-no-changes`,
        ``,
        `Replace each \`<…>\` with the secret: PingOne never returns secrets, so they cannot be imported.`,
        ``,
        `The first \`pulumi up\` adopts the live objects; their ids stay the same, no rule is deactivated and no DocuWare`,
        `user is changed. Its only writes:`,
        ``,
        ...(writes.length > 0 ? writes.map((write) => `- ${write}`) : ["- none"]),
        ...(inventory.warnings.length > 0
            ? [``, `## Found while importing`, ``, ...inventory.warnings.map((w) => `- ${w}`)]
            : []),
        ``,
    ].join("\n");
}

/** The project `import` writes for an inventory: a pure function, so what is generated can be tested without I/O. */
export function generateProject(inventory: Inventory, target: ProjectTarget): GeneratedProject {
    const configCommands = configCommandsFor(inventory, target);
    const writes = adoptionWrites(inventory);
    const json = (value: unknown) => `${JSON.stringify(value, null, 4)}\n`;
    return {
        configCommands,
        writes,
        files: {
            "Pulumi.yaml": [
                `name: ${target.projectName}`,
                `runtime: nodejs`,
                `description: PingOne to DocuWare provisioning of environment ${inventory.environmentId}, imported by docuware-pingone import.`,
                ``,
            ].join("\n"),
            "package.json": json({
                name: target.projectName,
                private: true,
                main: "index.ts",
                dependencies: {
                    "@pulumi/pulumi": PEER_PULUMI,
                    "pulumi-docuware-pingone": target.packageVersion,
                },
                devDependencies: { "@types/node": "^22.0.0", typescript: "^5.9.0" },
            }),
            "tsconfig.json": json({
                compilerOptions: {
                    strict: true,
                    target: "ES2022",
                    module: "commonjs",
                    moduleResolution: "node",
                    lib: ["ES2023"],
                    types: ["node"],
                    outDir: "bin",
                    skipLibCheck: true,
                },
                files: ["index.ts"],
            }),
            "index.ts": indexTs(inventory, target, configCommands, writes),
            "README.md": readme(inventory, configCommands, writes),
        },
    };
}
