#include "js-math.h"

#include <cstdint>
#include <cstring>
#include <limits>

namespace origo {

namespace {

inline double fromBits(uint64_t bits) { double x; std::memcpy(&x, &bits, sizeof x); return x; }
inline uint64_t toBits(double x) { uint64_t bits; std::memcpy(&bits, &x, sizeof bits); return bits; }

// ln 2 split in two: the high part has its low 32 bits zero, so k * ln2Hi is exact for |k| < 2^11.
const double kLn2Hi = fromBits(0x3fe62e42fee00000ull);
const double kLn2Lo = fromBits(0x3dea39ef35793c76ull);
const double kTwo54 = fromBits(0x4350000000000000ull);
// log(1 + f) = 2s + s R(s^2) with s = f / (2 + f); R is approximated by a minimax polynomial of
// degree 14 with these coefficients (the Remez coefficients of fdlibm, on which V8's result depends).
const double kLg1 = fromBits(0x3fe5555555555593ull);
const double kLg2 = fromBits(0x3fd999999997fa04ull);
const double kLg3 = fromBits(0x3fd2492494229359ull);
const double kLg4 = fromBits(0x3fcc71c51d8e78afull);
const double kLg5 = fromBits(0x3fc7466496cb03deull);
const double kLg6 = fromBits(0x3fc39a09d078c69full);
const double kLg7 = fromBits(0x3fc2f112df3e5244ull);

}  // namespace

double jsLog(double x) {
  uint64_t bits = toBits(x);
  int32_t high = static_cast<int32_t>(bits >> 32);
  const uint32_t low = static_cast<uint32_t>(bits);
  int32_t k = 0;
  if (high < 0x00100000) {  // below the smallest normal, zero or negative
    if (((high & 0x7fffffff) | low) == 0) return -std::numeric_limits<double>::infinity();
    if (high < 0) return std::numeric_limits<double>::quiet_NaN();
    k -= 54;  // subnormal: scale up
    x *= kTwo54;
    bits = toBits(x);
    high = static_cast<int32_t>(bits >> 32);
  }
  if (high >= 0x7ff00000) return x + x;  // infinity or NaN
  k += (high >> 20) - 1023;
  high &= 0x000fffff;
  // Normalise the mantissa into [sqrt(2)/2, sqrt(2)): x or x/2.
  const int32_t half = (high + 0x95f64) & 0x100000;
  bits = (static_cast<uint64_t>(static_cast<uint32_t>(high | (half ^ 0x3ff00000))) << 32) | (toBits(x) & 0xffffffffull);
  x = fromBits(bits);
  k += half >> 20;
  const double f = x - 1.0;
  const double dk = static_cast<double>(k);
  if ((0x000fffff & (2 + high)) < 3) {  // |f| < 2^-20
    if (f == 0) return k == 0 ? 0.0 : dk * kLn2Hi + dk * kLn2Lo;
    const double r = f * f * (0.5 - 0.33333333333333333 * f);
    return k == 0 ? f - r : dk * kLn2Hi - ((r - dk * kLn2Lo) - f);
  }
  const double s = f / (2.0 + f);
  const double z = s * s;
  const double w = z * z;
  const int32_t i = (high - 0x6147a) | (0x6b851 - high);
  const double t1 = w * (kLg2 + w * (kLg4 + w * kLg6));
  const double t2 = z * (kLg1 + w * (kLg3 + w * (kLg5 + w * kLg7)));
  const double r = t2 + t1;
  if (i > 0) {
    const double hfsq = 0.5 * f * f;
    return k == 0 ? f - (hfsq - s * (hfsq + r)) : dk * kLn2Hi - ((hfsq - (s * (hfsq + r) + dk * kLn2Lo)) - f);
  }
  return k == 0 ? f - s * (f - r) : dk * kLn2Hi - ((s * (f - r) - dk * kLn2Lo) - f);
}

}  // namespace origo
