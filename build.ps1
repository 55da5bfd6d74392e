#!/usr/bin/env pwsh
# Bootstraps and runs the Cake build. Needs only the .NET 10 SDK (and PowerShell 7).
#   ./build.ps1 [--target Report] [--config configs/demo.yaml] [--set section.key=value ...] [--force]
# Paths are relative to the repository root.
$ErrorActionPreference = 'Stop'
Set-Location -LiteralPath $PSScriptRoot
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'
$env:CAKE_SETTINGS_ENABLESCRIPTCACHE = 'true'
dotnet tool restore | Out-Null
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
dotnet cake build/build.cake @args
exit $LASTEXITCODE
