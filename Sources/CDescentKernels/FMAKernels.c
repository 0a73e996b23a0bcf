// The kernels for x86-64 CPUs with AVX2 and FMA, compiled for them whatever the build's target.
#include "DescentKernels.h"

#if defined(__x86_64__)
#pragma clang fp contract(off)
#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)

#define DK_TABLE dk_fma_table
#define DK_NAME "avx2+fma"
#define DK_FMA 1
#include "KernelsBody.h"

#pragma clang attribute pop
#endif
