//go:build tools

// Keeps the Pulumi CLI's main package in this wrapper module's requirements, so that `go build` can build it from
// the module proxy at the pinned release.
package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
