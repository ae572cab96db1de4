#include "demo/demorandom.h"

namespace aftercare {

namespace {

// SplitMix64: spreads nearby seeds (1, 2, 3, ...) over the whole state space.
std::uint64_t mix(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

} // namespace

DemoRandom::DemoRandom(std::uint64_t seed)
    : m_engine(mix(seed))
{}

DemoRandom DemoRandom::stream(std::uint64_t seed, std::uint64_t part)
{
    return DemoRandom(mix(seed) ^ mix(part * 0x2545f4914f6cdd1dULL + 1));
}

std::uint64_t DemoRandom::below(std::uint64_t bound)
{
    if (bound <= 1)
        return 0;
    // Rejection sampling: draws from the top, incomplete block of 2^64 values are thrown
    // away, so every result is equally likely.
    const std::uint64_t limit = ~std::uint64_t(0) - (~std::uint64_t(0) % bound);
    std::uint64_t x = m_engine();
    while (x >= limit)
        x = m_engine();
    return x % bound;
}

qint64 DemoRandom::between(qint64 low, qint64 high)
{
    if (high <= low)
        return low;
    const auto span = static_cast<std::uint64_t>(high - low) + 1;
    return low + static_cast<qint64>(below(span));
}

std::size_t DemoRandom::weighted(std::span<const int> weights)
{
    qint64 total = 0;
    for (int w : weights)
        total += w > 0 ? w : 0;
    if (total <= 0)
        return 0;
    qint64 x = between(qint64(0), total - 1);
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (weights[i] <= 0)
            continue;
        if (x < weights[i])
            return i;
        x -= weights[i];
    }
    return weights.size() - 1;
}

} // namespace aftercare
