/**
 * A line for the person running the deployment. Dynamic providers have no engine log connection (`pulumi.log` is
 * not shown), but their console output reaches the CLI since Pulumi 3.146 (pulumi/pulumi#18253).
 */
export function notice(message: string): void {
    console.log(`pulumi-docuware-pingone: ${message}`);
}
