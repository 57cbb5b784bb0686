// JavaScript's Math functions where the C library differs from V8, for the ports of the
// TypeScript engine to give bit-identical results.
#pragma once

#include <cmath>

#if defined(__FAST_MATH__)
#error "the alignment port must not be compiled with -ffast-math: it would not give the TypeScript engine's results"
#endif

namespace origo {

// Math.min and Math.max on two doubles (NaN when either is NaN; signed zeros do not occur where
// they are used).
inline double jsMin(double a, double b) { return std::isnan(a) || std::isnan(b) ? NAN : (b < a ? b : a); }
inline double jsMax(double a, double b) { return std::isnan(a) || std::isnan(b) ? NAN : (b > a ? b : a); }

// Math.log as V8 computes it (the fdlibm algorithm of its base/ieee754), which is not always
// correctly rounded: glibc's log differs from it in the last bit for about 8 % of the arguments
// alignment uses (log 3, for one), which would change tf-isf weights and similarities.
double jsLog(double x);

}  // namespace origo
