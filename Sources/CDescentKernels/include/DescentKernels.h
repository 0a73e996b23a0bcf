#ifndef DESCENT_KERNELS_H
#define DESCENT_KERNELS_H

/// Element-wise and dense kernels of descent's training engine and optimizers, compiled twice:
/// for baseline x86-64 (SSE2) and for CPUs with AVX2 and fused multiply-add, the second chosen
/// at run time when the CPU has them (`dk_fma_kernels` is NULL otherwise). On other
/// architectures both tables are the same code.
///
/// Every kernel works on n contiguous doubles; results never depend on how n splits into
/// vectors. The torch-order kernels (`lerp`, `average_square`, `fma_scaled`, `momentum`,
/// `nesterov`, `accumulate_square`) round exactly as
/// their formulas say, each `fma` a single rounding, so both tables give bit-identical results;
/// so does `add_quotient_by_root`.
/// `tanh`, `exp` and `multiply` may differ by rounding between the tables.

#include <stddef.h>

/// Where ``DKKernels/multiply`` starts C from.
typedef enum {
    DKStartZero = 0,
    DKStartAccumulate = 1,
    DKStartRowVector = 2,
} DKStart;

/// One compiled set of kernels.
typedef struct {
    /// "avx2+fma" or "baseline".
    const char *name;
    /// y[i] = tanh(x[i]) within 2 ulp (measured: 1.4): x + x³P(x²) below |x| = 0.5625,
    /// ±(1 − 2/(e^{2|x|} + 1)) above.
    void (*tanh)(const double *x, double *y, long n);
    /// y[i] = e^x[i] within 2 ulp (measured: 1), subnormal and overflowing results included.
    void (*exp)(const double *x, double *y, long n);
    /// start[i] = torch.lerp(start[i], end[i], w): start + w(end − start) when |w| < ½,
    /// else end − (1 − w)(end − start), each one fma.
    void (*lerp)(double *start, const double *end, double weight, long n);
    /// v[i] = fma((1 − β)g[i], g[i], βv[i]): `v.mul_(β).addcmul_(g, g, value=1 − β)`.
    void (*average_square)(double *v, const double *g, double beta, long n);
    /// y[i] = fma(k, x[i], y[i]): `y.add_(x, alpha=k)`.
    void (*fma_scaled)(double *y, double k, const double *x, long n);
    /// b[i] = fma(c, g[i], μ·b[i]) with c = 1 − τ: `b.mul_(μ).add_(g, alpha=1 − τ)`, SGD's momentum buffer.
    void (*momentum)(double *b, const double *g, double mu, double c, long n);
    /// x[i] = fma(k, fma(μ, b[i], g[i]), x[i]): `x.add_(g.add(b, alpha=μ), alpha=k)`, SGD's Nesterov step.
    void (*nesterov)(double *x, const double *b, const double *g, double mu, double k, long n);
    /// v[i] = fma(g[i], g[i], v[i]): `v.addcmul_(g, g, value=1)`, Adagrad's sum of squares.
    void (*accumulate_square)(double *v, const double *g, long n);
    /// x[i] += k·m[i] / (√v[i] / d + ε): `x.addcdiv_(m, v.sqrt() / d + ε, value=k)`, Adam's step
    /// (correctly rounded square roots and divisions: the same on both tables).
    void (*add_quotient_by_root)(double *x, const double *m, const double *v, double k, double d, double eps, long n);
    /// C = C₀ + A·B for C of rows×columns (row-major), A(i, k) = a[i·a_row_stride + k·a_depth_stride],
    /// B of depth rows of columns (row-major): C₀ = 0, C itself or the row vector `row` in
    /// every row. Skips the zero entries of A (ReLU's inactive units). `values`, `offsets` and
    /// `counts` hold rows·64, rows·64 and rows entries of scratch.
    void (*multiply)(long rows, long columns, long depth, const double *a, long a_row_stride, long a_depth_stride,
                     const double *b, double *c, DKStart start, const double *row,
                     double *values, long *offsets, long *counts);
} DKKernels;

/// The baseline kernels (any x86-64 or other CPU).
const DKKernels *dk_baseline_kernels(void);
/// The AVX2+FMA kernels, or NULL when the CPU lacks AVX2 or FMA.
const DKKernels *dk_fma_kernels(void);
/// The fastest kernels this CPU runs.
const DKKernels *dk_best_kernels(void);

/// The side of ``DKKernels/multiply``'s blocks (k and j).
#define DK_BLOCK 64

#endif
