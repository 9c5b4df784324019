#!/bin/sh
# Rebuilds the ELF fixtures next to this script. Needs clang-19 (Debian package
# clang-19) and gcc. Compiles with paths relative to this directory so the
# objects record only the bare source names, and the output is reproducible.
set -eu
cd "$(dirname "$0")"

STENCIL_FLAGS="-O2 -c -fno-pic -fno-asynchronous-unwind-tables -fno-stack-protector -fno-jump-tables -fno-builtin -fno-plt"
X86_64_FLAGS="$STENCIL_FLAGS -mcmodel=medium -mlarge-data-threshold=0"
# AArch64 has no medium model; large is the model in which data may be anywhere.
AARCH64_FLAGS="$STENCIL_FLAGS -mcmodel=large"

set -x
clang-19 --target=x86_64-unknown-linux-gnu $X86_64_FLAGS stencil.c -o stencil-x86_64.o
clang-19 --target=x86_64-unknown-linux-gnu $X86_64_FLAGS -fcommon plain.c -o plain-x86_64.o
gcc $X86_64_FLAGS -fcommon plain.c -o plain-x86_64-gcc.o
clang-19 --target=aarch64-unknown-linux-gnu $AARCH64_FLAGS stencil.c -o stencil-aarch64.o
