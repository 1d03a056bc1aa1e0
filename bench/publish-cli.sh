#!/usr/bin/env bash
# Publishes the CLI for this machine's runtime, as a deployment would (ReadyToRun code, see
# src/PostureScan/PostureScan.csproj), checks that it is ReadyToRun, and prints the path of its entry
# assembly. The benchmarks run this build: a plain `dotnet build` compiles every method on first call,
# which adds to each process's start-up, and more on a node with a fraction of a core.
# Usage: cli=$(bench/publish-cli.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=src/PostureScan/bin/Release/publish
dotnet publish src/PostureScan -c Release --use-current-runtime --self-contained false -o "$dir" -nologo -v q >&2
dotnet build -c Release bench/PostureScan.Bench -nologo -v q >&2
dotnet bench/PostureScan.Bench/bin/Release/net10.0/PostureScan.Bench.dll ready-to-run "$dir/PostureScan.dll"
echo "$dir/PostureScan.dll"
