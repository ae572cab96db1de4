#pragma once

#include <QtGlobal>

#include <cstdint>
#include <random>
#include <span>

namespace aftercare {

// The demo practice's source of chance. std::mt19937_64 is specified bit for bit by the
// standard, but the std::uniform_*_distribution classes are not, so every draw here is made
// from the raw 64-bit output with integer arithmetic: the same seed gives the same practice
// with every compiler and standard library.
class DemoRandom
{
public:
    explicit DemoRandom(std::uint64_t seed);
    // An independent stream for one part of the generator, so that drawing more in one part
    // does not shift what another part draws.
    static DemoRandom stream(std::uint64_t seed, std::uint64_t part);

    std::uint64_t next() { return m_engine(); }
    // Uniform in [low, high], both included; unbiased.
    qint64 between(qint64 low, qint64 high);
    int between(int low, int high) { return static_cast<int>(between(qint64(low), qint64(high))); }
    // Uniform in [0, count).
    std::size_t index(std::size_t count) { return static_cast<std::size_t>(below(count)); }
    // True with probability perMille / 1000.
    bool chance(int perMille) { return static_cast<int>(below(1000)) < perMille; }
    // An index drawn with the given integer weights (at least one positive).
    std::size_t weighted(std::span<const int> weights);

    template <typename T> const T& pick(std::span<const T> items)
    {
        return items[index(items.size())];
    }

private:
    std::uint64_t below(std::uint64_t bound);

    std::mt19937_64 m_engine;
};

} // namespace aftercare
