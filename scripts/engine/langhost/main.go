// A minimal Node.js language host (`pulumi-language-nodejs`) for the engine this project builds offline.
//
// Pulumi's own language host lives in the Go module
// github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3, which has no release tags and is not served by
// the module proxy reachable here, so scripts/engine/build.sh builds this host instead. It implements what the
// project's flows need: running a Node.js program from a Pulumi.yaml project (`pulumi up/preview/refresh/destroy`)
// and starting Node.js policy packs (`--policy-pack`). Everything else (dependency installation, code generation,
// `pulumi about` details) answers Unimplemented. On a machine with the official Pulumi CLI none of this is used.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"

	pulumisdk "github.com/pulumi/pulumi/sdk/v3"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"
)

// Exit code with which @pulumi/pulumi/cmd/run says it already showed the user an actionable message.
const exitAfterUserActionableMessage = 32

type languageHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	engineAddress string
}

func main() {
	flag.String("tracing", "", "ignored: tracing is not supported by this host")
	flag.Parse()
	host := &languageHost{}
	if args := flag.Args(); len(args) > 0 {
		host.engineAddress = args[len(args)-1]
	}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, host)
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "could not start the language host: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "language host stopped: %v\n", err)
		os.Exit(1)
	}
}

func (h *languageHost) Handshake(
	_ context.Context, req *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	h.engineAddress = req.EngineAddress
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (h *languageHost) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version.Version}, nil
}

// Programs of this project only use the bundled dynamic-resource provider, so no plugin has to be installed.
func (h *languageHost) GetRequiredPackages(
	context.Context, *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

func (h *languageHost) GetRequiredPlugins(
	context.Context, *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

type runtimeOptions struct {
	typescript   bool
	tsconfigPath string
	nodeArgs     []string
}

func parseOptions(info *pulumirpc.ProgramInfo) runtimeOptions {
	opts := runtimeOptions{typescript: true}
	if info == nil || info.Options == nil {
		return opts
	}
	values := info.Options.AsMap()
	if v, ok := values["typescript"].(bool); ok {
		opts.typescript = v
	}
	if v, ok := values["tsconfig"].(string); ok {
		opts.tsconfigPath = v
	}
	if v, ok := values["nodeargs"].(string); ok {
		opts.nodeArgs = strings.Fields(v)
	}
	return opts
}

func (o runtimeOptions) env() []string {
	var env []string
	if o.typescript {
		env = append(env, "PULUMI_NODEJS_TYPESCRIPT=true")
	}
	if o.tsconfigPath != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+o.tsconfigPath)
	}
	return env
}

// resolveModule finds a module of @pulumi/pulumi the way Node resolves it from the program's directory.
func resolveModule(module, fromDir string) (string, error) {
	script := fmt.Sprintf("console.log(require.resolve(%q, { paths: [%q] }))", module, fromDir)
	out, err := exec.Command("node", "-e", script).Output()
	if err != nil {
		return "", fmt.Errorf("could not find %s from %s; run npm install there (%w)", module, fromDir, err)
	}
	return strings.TrimSpace(string(out)), nil
}

func (h *languageHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	info := req.GetInfo()
	runPath, err := resolveModule("@pulumi/pulumi/cmd/run", info.GetProgramDirectory())
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	opts := parseOptions(info)

	args := append([]string{}, opts.nodeArgs...)
	args = append(args, runPath)
	appendFlag := func(name, value string) {
		if value != "" {
			args = append(args, "--"+name, value)
		}
	}
	appendFlag("monitor", req.GetMonitorAddress())
	appendFlag("engine", h.engineAddress)
	appendFlag("organization", req.GetOrganization())
	appendFlag("project", req.GetProject())
	appendFlag("root-directory", info.GetRootDirectory())
	appendFlag("stack", req.GetStack())
	appendFlag("pwd", info.GetProgramDirectory())
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	appendFlag("parallel", strconv.Itoa(int(req.GetParallel())))
	args = append(args, info.GetEntryPoint())
	args = append(args, req.GetArgs()...)

	config, err := json.Marshal(req.GetConfig())
	if err != nil {
		return nil, err
	}
	secretKeys, err := json.Marshal(append([]string{}, req.GetConfigSecretKeys()...))
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, "node", args...)
	cmd.Dir = info.GetProgramDirectory()
	cmd.Env = append(os.Environ(), "PULUMI_CONFIG="+string(config), "PULUMI_CONFIG_SECRET_KEYS="+string(secretKeys))
	cmd.Env = append(cmd.Env, opts.env()...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr

	if err := cmd.Run(); err != nil {
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			if exitErr.ExitCode() == exitAfterUserActionableMessage {
				return &pulumirpc.RunResponse{Bail: true}, nil
			}
			return &pulumirpc.RunResponse{Error: fmt.Sprintf("Program exited with non-zero exit code: %d",
				exitErr.ExitCode())}, nil
		}
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("could not run node: %v", err)}, nil
	}
	return &pulumirpc.RunResponse{}, nil
}

// RunPlugin starts Node.js policy packs (kind "analyzer"), the only plugin kind this project runs. Like Pulumi's
// host, it proxies the analyzer to learn the stack configuration first and hands it to the pack through the
// environment variables @pulumi/policy reads.
func (h *languageHost) RunPlugin(req *pulumirpc.RunPluginRequest, server pulumirpc.LanguageRuntime_RunPluginServer) error {
	if req.GetKind() != "analyzer" {
		return fmt.Errorf("this language host only runs policy packs, not %q plugins", req.GetKind())
	}
	ctx := server.Context()
	closer, stdout, stderr, err := rpcutil.MakeRunPluginStreams(server, false)
	if err != nil {
		return err
	}
	defer closer.Close()

	packDir := req.GetInfo().GetProgramDirectory()
	runPath, err := resolveModule("@pulumi/pulumi/cmd/run-policy-pack", packDir)
	if err != nil {
		return err
	}
	opts := parseOptions(req.GetInfo())
	env := req.GetEnv()
	if len(env) == 0 {
		env = os.Environ()
	}
	env = append(env, opts.env()...)

	proxy, stdout, err := pulumisdk.NewPolicyProxy(ctx, stdout)
	if err != nil {
		return fmt.Errorf("could not start the policy pack proxy: %w", err)
	}
	stackConfig, err := proxy.AwaitConfiguration(ctx)
	if err != nil {
		return fmt.Errorf("could not get the stack configuration: %w", err)
	}
	if stackConfig != nil {
		env = append(env,
			"PULUMI_NODEJS_ORGANIZATION="+stackConfig.Organization,
			"PULUMI_NODEJS_PROJECT="+stackConfig.Project,
			"PULUMI_NODEJS_STACK="+stackConfig.Stack,
			"PULUMI_NODEJS_DRY_RUN="+strconv.FormatBool(stackConfig.DryRun))
		if stackConfig.Config != nil {
			config, err := json.Marshal(stackConfig.Config)
			if err != nil {
				return err
			}
			env = append(env, "PULUMI_CONFIG="+string(config))
		}
	}

	args := append([]string{}, opts.nodeArgs...)
	args = append(args, runPath)
	args = append(args, req.GetArgs()...)
	args = append(args, packDir)
	cmd := exec.CommandContext(ctx, "node", args...)
	cmd.Dir = packDir
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = stdout, stderr
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("could not start the policy pack: %w", err)
	}
	if err := proxy.Attach(ctx, cmd); err != nil {
		return fmt.Errorf("policy pack failed: %w", err)
	}
	return closer.Close()
}
