// The kernels of DescentKernels.h, included once per instruction set by BaselineKernels.c and
// FMAKernels.c, which define DK_TABLE (the table's symbol), DK_NAME and DK_FMA (1 when fused
// multiply-adds are hardware instructions). Floating-point contraction is off in both files, so
// a*b + c is two roundings unless written MADD/fma.

// The vectors never cross a call boundary that is not inlined, so the ABI note does not apply.
#pragma clang diagnostic ignored "-Wpsabi"

typedef double v4d __attribute__((vector_size(32)));
typedef long long v4i __attribute__((vector_size(32)));
typedef unsigned long long v4u __attribute__((vector_size(32)));

#if DK_FMA
#define MADD(a, b, c) __builtin_elementwise_fma((a), (b), (c))
#define MADD1(a, b, c) __builtin_fma((a), (b), (c))
#define WIDE 8
#else
#define MADD(a, b, c) ((a) * (b) + (c))
#define MADD1(a, b, c) ((a) * (b) + (c))
#define WIDE 4
#endif

static inline v4d load4(const double *p) {
    v4d v;
    __builtin_memcpy(&v, p, sizeof v);
    return v;
}

static inline void store4(v4d v, double *p) { __builtin_memcpy(p, &v, sizeof v); }

static inline v4d splat(double x) { return (v4d){x, x, x, x}; }

/// mask ? a : b, lane by lane, for a mask of all-ones or all-zeros lanes.
static inline v4d select4(v4i mask, v4d a, v4d b) { return (v4d)((mask & (v4i)a) | (~mask & (v4i)b)); }

// ---- exp and tanh -------------------------------------------------------------------
// x = k·ln 2 + r with k = round(x / ln 2) and |r| ≤ ln(2)/2 (Cody–Waite: ln 2 in two parts, the
// first with 32 trailing zero bits so that k·LN2_HI is exact); e^r − 1 by its Taylor series to
// r¹⁴/14! (truncation < 10⁻¹⁹ relative), so e^x = 2^k(1 + p).

static const double LOG2E = 1.4426950408889634;
static const double LN2_HI = 6.93147180369123816490e-01;
static const double LN2_LO = 1.90821492927058770002e-10;
static const double ROUNDER = 0x1.8p52;

/// k = round(x / ln 2) (x within ±2⁵⁰) and r = x − k·ln 2.
static inline v4d reduce(v4d x, v4d *r) {
    v4d k = (x * LOG2E + ROUNDER) - ROUNDER;
    *r = (x - k * LN2_HI) - k * LN2_LO;
    return k;
}

/// e^r − 1 for |r| ≤ ln(2)/2: r + r²(1/2! + r(1/3! + … + r·1/14!)).
static inline v4d expm1_reduced(v4d r) {
    v4d q = splat(1.0 / 87178291200.0);
    q = MADD(q, r, splat(1.0 / 6227020800.0));
    q = MADD(q, r, splat(1.0 / 479001600.0));
    q = MADD(q, r, splat(1.0 / 39916800.0));
    q = MADD(q, r, splat(1.0 / 3628800.0));
    q = MADD(q, r, splat(1.0 / 362880.0));
    q = MADD(q, r, splat(1.0 / 40320.0));
    q = MADD(q, r, splat(1.0 / 5040.0));
    q = MADD(q, r, splat(1.0 / 720.0));
    q = MADD(q, r, splat(1.0 / 120.0));
    q = MADD(q, r, splat(1.0 / 24.0));
    q = MADD(q, r, splat(1.0 / 6.0));
    q = MADD(q, r, splat(0.5));
    return MADD(r * r, q, r);
}

/// 2^k for integral k in [−1022, 1023]: k + 1023 written into the exponent field, by way of
/// the low bits of k + 1023 + 1.5·2⁵².
static inline v4d pow2(v4d k) {
    v4d t = k + (1023.0 + ROUNDER);
    return (v4d)((v4u)t << 52);
}

static inline v4d exp4(v4d x) {
    v4i overflow = (v4i)(x > 709.782712893384);
    v4i underflow = (v4i)(x < -745.1332191019412);
    v4d clamped = select4(overflow | underflow, splat(0), x);
    v4d r;
    v4d k = reduce(clamped, &r);
    // 2^k in two factors, so that k below −1022 (subnormal results) still scales exactly.
    v4d half = (k * 0.5 + ROUNDER) - ROUNDER;
    v4d y = ((1.0 + expm1_reduced(r)) * pow2(half)) * pow2(k - half);
    y = select4(overflow, splat(__builtin_inf()), y);
    return select4(underflow, splat(0), y);
}

/// tanh x = x + x·s·P(s), s = x², for |x| < 0.5625: P of degree 10 interpolates
/// (tanh x / x − 1)/s at Chebyshev nodes of [0, 0.5625²] (relative error < 10⁻¹⁷);
/// above, tanh |x| = 1 − 2/(e^{2|x|} + 1), where 2/(e^{2|x|} + 1) ≤ ½ keeps its error under an
/// ulp of the result. tanh 22 rounds to 1.
static inline v4d tanh4(v4d x) {
    const v4u sign = (v4u)splat(-0.0);
    v4d magnitude = (v4d)((v4u)x & ~sign);
    // NaN fails the comparison and stays NaN.
    magnitude = select4((v4i)(magnitude > 22.0), splat(22.0), magnitude);
    v4d s = magnitude * magnitude;
    v4d p = splat(-2.0026740085317684e-05);
    p = MADD(p, s, splat(8.426522203958066e-05));
    p = MADD(p, s, splat(-0.00023410556936672797));
    p = MADD(p, s, splat(0.0005887537111834804));
    p = MADD(p, s, splat(-0.0014556239774192678));
    p = MADD(p, s, splat(0.003592105532132769));
    p = MADD(p, s, splat(-0.008863234021529514));
    p = MADD(p, s, splat(0.021869488476962563));
    p = MADD(p, s, splat(-0.0539682539670594));
    p = MADD(p, s, splat(0.13333333333332392));
    p = MADD(p, s, splat(-0.3333333333333333));
    v4d small = MADD(magnitude * s, p, magnitude);
    v4d r;
    v4d k = reduce(magnitude + magnitude, &r);
    v4d large = 1.0 - 2.0 / ((1.0 + expm1_reduced(r)) * pow2(k) + 1.0);
    v4d t = select4((v4i)(magnitude < 0.5625), small, large);
    return (v4d)((v4u)t | ((v4u)x & sign));
}

/// y = f(x) over n values, four at a time, the last few through a zero-padded vector.
#define ELEMENTWISE(f, x, y, n)                 \
    do {                                        \
        long i = 0;                             \
        for (; i + 4 <= (n); i += 4)            \
            store4(f(load4((x) + i)), (y) + i); \
        if (i < (n)) {                          \
            double pad[4] = {0, 0, 0, 0};       \
            for (long q = i; q < (n); q++)      \
                pad[q - i] = (x)[q];            \
            v4d out = f(load4(pad));            \
            for (long q = i; q < (n); q++)      \
                (y)[q] = out[q - i];            \
        }                                       \
    } while (0)

static void tanh_kernel(const double *x, double *y, long n) { ELEMENTWISE(tanh4, x, y, n); }

static void exp_kernel(const double *x, double *y, long n) { ELEMENTWISE(exp4, x, y, n); }

// ---- torch-order element-wise updates (exact fma on both tables) ----------------------------

static void lerp_kernel(double *start, const double *end, double weight, long n) {
    if (__builtin_fabs(weight) < 0.5) {
        for (long i = 0; i < n; i++)
            start[i] = __builtin_fma(weight, end[i] - start[i], start[i]);
    } else {
        double coefficient = weight - 1;
        for (long i = 0; i < n; i++)
            start[i] = __builtin_fma(coefficient, end[i] - start[i], end[i]);
    }
}

static void average_square_kernel(double *v, const double *g, double beta, long n) {
    double complement = 1 - beta;
    for (long i = 0; i < n; i++)
        v[i] = __builtin_fma(complement * g[i], g[i], v[i] * beta);
}

static void fma_scaled_kernel(double *y, double k, const double *x, long n) {
    for (long i = 0; i < n; i++)
        y[i] = __builtin_fma(k, x[i], y[i]);
}

static void momentum_kernel(double *b, const double *g, double mu, double c, long n) {
    for (long i = 0; i < n; i++)
        b[i] = __builtin_fma(c, g[i], b[i] * mu);
}

static void nesterov_kernel(double *x, const double *b, const double *g, double mu, double k, long n) {
    for (long i = 0; i < n; i++)
        x[i] = __builtin_fma(k, __builtin_fma(mu, b[i], g[i]), x[i]);
}

static void accumulate_square_kernel(double *v, const double *g, long n) {
    for (long i = 0; i < n; i++)
        v[i] = __builtin_fma(g[i], g[i], v[i]);
}

static void add_quotient_by_root_kernel(double *x, const double *m, const double *v, double k, double d, double eps,
                                       long n) {
    // Vectors written out: the compiler does not vectorise libm's sqrt, which may set errno.
    long i = 0;
    for (; i + 4 <= n; i += 4)
        store4(load4(x + i) + k * load4(m + i) / (__builtin_elementwise_sqrt(load4(v + i)) / d + eps), x + i);
    for (; i < n; i++)
        x[i] = x[i] + k * m[i] / (__builtin_elementwise_sqrt(v[i]) / d + eps);
}

// ---- the matrix product that skips zeros of A ------------------------------------------------

/// Gathers the nonzero ones of the n values x[k·stride] into `values`, with the offsets
/// k·row_length of the rows of B they multiply into `offsets` (without branches); returns how many.
static inline long gather(const double *x, long stride, long n, long row_length, double *values, long *offsets) {
    long count = 0;
    for (long k = 0; k < n; k++) {
        double value = x[k * stride];
        values[count] = value;
        offsets[count] = k * row_length;
        count += value != 0;
    }
    return count;
}

/// C[j..<j+4·lanes] = C₀ + Σₜ valuesₜ·B[offsetₜ + j …] in `lanes` vector accumulators.
#define ROW_BLOCK(lanes)                                                                 \
    do {                                                                                 \
        v4d sum[lanes];                                                                  \
        for (int q = 0; q < (lanes); q++)                                                \
            sum[q] = first == DKStartZero ? splat(0)                                     \
                   : load4((first == DKStartAccumulate ? out : row) + j + 4 * q);        \
        for (long t = 0; t < count; t++) {                                               \
            v4d value = splat(values[t]);                                                \
            const double *from = block_b + offsets[t] + j;                               \
            for (int q = 0; q < (lanes); q++)                                            \
                sum[q] = MADD(value, load4(from + 4 * q), sum[q]);                       \
        }                                                                                \
        for (int q = 0; q < (lanes); q++)                                                \
            store4(sum[q], out + j + 4 * q);                                             \
    } while (0)

static void multiply_kernel(long rows, long columns, long depth, const double *a, long a_row_stride,
                            long a_depth_stride, const double *b, double *c, DKStart start, const double *row,
                            double *all_values, long *all_offsets, long *counts) {
    for (long k0 = 0; k0 < depth; k0 += DK_BLOCK) {
        long block_depth = depth - k0 < DK_BLOCK ? depth - k0 : DK_BLOCK;
        DKStart first = k0 == 0 ? start : DKStartAccumulate;
        for (long i = 0; i < rows; i++)
            counts[i] = gather(a + i * a_row_stride + k0 * a_depth_stride, a_depth_stride, block_depth, columns,
                               all_values + i * DK_BLOCK, all_offsets + i * DK_BLOCK);
        const double *block_b = b + k0 * columns;
        for (long j0 = 0; j0 < columns; j0 += DK_BLOCK) {
            long end = j0 + DK_BLOCK < columns ? j0 + DK_BLOCK : columns;
            for (long i = 0; i < rows; i++) {
                double *out = c + i * columns;
                const double *values = all_values + i * DK_BLOCK;
                const long *offsets = all_offsets + i * DK_BLOCK;
                long count = counts[i];
                long j = j0;
                for (; j + 16 * WIDE / 4 <= end; j += 16 * WIDE / 4)
                    ROW_BLOCK(WIDE);
                for (; j + 4 <= end; j += 4)
                    ROW_BLOCK(1);
                for (; j < end; j++) {
                    double sum = first == DKStartZero ? 0 : (first == DKStartAccumulate ? out : row)[j];
                    for (long t = 0; t < count; t++)
                        sum = MADD1(values[t], block_b[offsets[t] + j], sum);
                    out[j] = sum;
                }
            }
        }
    }
}

const DKKernels DK_TABLE = {
    .name = DK_NAME,
    .tanh = tanh_kernel,
    .exp = exp_kernel,
    .lerp = lerp_kernel,
    .average_square = average_square_kernel,
    .fma_scaled = fma_scaled_kernel,
    .momentum = momentum_kernel,
    .nesterov = nesterov_kernel,
    .accumulate_square = accumulate_square_kernel,
    .add_quotient_by_root = add_quotient_by_root_kernel,
    .multiply = multiply_kernel,
};
