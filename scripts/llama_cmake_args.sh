#!/usr/bin/env bash
# Prints the CMAKE_ARGS for a portable llama-cpp-python build on this machine.
#
# Never -march=native and never AMX: a native build compiles in every feature this CPU advertises, and AMX
# kernels die with SIGILL where the kernel has not granted tile permission to llama.cpp's worker threads
# (some VMs advertise AMX without enabling it at all). Each SIMD level is switched on only when
# /proc/cpuinfo lists its flag, so the library runs on this CPU and on any CPU that has the same flags.
# With an NVIDIA driver and nvcc present, the CUDA backend is built too (layers are offloaded at run time).
set -euo pipefail

args=(-DGGML_NATIVE=OFF -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF)
flags=" $(grep -m1 -E '^(flags|Features)' /proc/cpuinfo 2>/dev/null | cut -d: -f2) "
case "$(uname -m)" in
    x86_64|amd64)
        # cpuinfo flag -> ggml option
        for pair in avx:AVX avx2:AVX2 fma:FMA f16c:F16C bmi2:BMI2 avx_vnni:AVX_VNNI avx512f:AVX512 \
                    avx512vbmi:AVX512_VBMI avx512_vnni:AVX512_VNNI avx512_bf16:AVX512_BF16; do
            flag="${pair%%:*}"; option="${pair##*:}"
            if [[ "$flags" == *" $flag "* ]]; then args+=("-DGGML_$option=ON"); else args+=("-DGGML_$option=OFF"); fi
        done
        ;;
esac
if command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L >/dev/null 2>&1 && command -v nvcc >/dev/null 2>&1; then
    args+=(-DGGML_CUDA=on)
fi
echo "${args[*]}"
