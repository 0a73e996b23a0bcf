// The kernels for any x86-64 CPU (SSE2) or other architecture: fused multiply-adds are libm
// calls where the instruction set has none.
#include "DescentKernels.h"

#pragma clang fp contract(off)

#define DK_TABLE dk_baseline_table
#define DK_NAME "baseline"
#define DK_FMA 0
#include "KernelsBody.h"
