#!/bin/bash
# Builds the git-ignored folder device/ that the GPU calls carry (each call may carry 64 MiB, and the real sample is
# 155 MB, so it travels in three pieces that calls a, b and c put together on one warm machine):
#   device/a: the self-contained idc (TorchBackend=external: libtorch comes from PyTorch there), piece 2 of the sample
#   device/b: piece 0;  device/c: piece 1 and the Janowczyk lists;  device/d: idc alone (calls d and e).
# Run from the repository root, here (the .NET SDK is needed); then, on the GPU machine, `bash device/<x>/run.sh`
# carrying device/<x>, calls a, b, c one right after the other.
set -euo pipefail
here=benchmarks/cuda-h100/scripts
rm -rf device/idc device/a device/b device/c device/d
mkdir -p device/a device/b device/c device/d
dotnet publish src/IdcRepro.Cli -c Release -r linux-x64 --self-contained true -p:TorchBackend=external -o device/idc
rm -f device/idc/createdump device/idc/libmscordaccore.so device/idc/libmscordbi.so   # debugger support, not needed there
tar -C device -cf - idc | xz -T0 -6 > device/a/idc.tar.xz
cp device/a/idc.tar.xz device/d/
rm -rf device/idc
split -b 64000000 -d -a 1 ../shared/data/idc-sample.zip device/chunk.
mv device/chunk.2 device/a/; mv device/chunk.0 device/b/; mv device/chunk.1 device/c/
cp -r ../shared/data/janowczyk-2016-split device/c/
for x in a b c d; do cp "$here/$x.sh" "device/$x/run.sh"; done
cp "$here/e.sh" device/d/e.sh
for x in a c d; do cp "$here/env.sh" "device/$x/"; done
du -sh device/*
