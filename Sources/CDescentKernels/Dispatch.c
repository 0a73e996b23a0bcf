// Which table of kernels the CPU runs, decided from its CPUID flags.
#include "DescentKernels.h"

extern const DKKernels dk_baseline_table;

const DKKernels *dk_baseline_kernels(void) { return &dk_baseline_table; }

#if defined(__x86_64__)
extern const DKKernels dk_fma_table;

const DKKernels *dk_fma_kernels(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") ? &dk_fma_table : 0;
}
#else
const DKKernels *dk_fma_kernels(void) { return 0; }
#endif

const DKKernels *dk_best_kernels(void) {
    const DKKernels *fma = dk_fma_kernels();
    return fma ? fma : dk_baseline_kernels();
}
