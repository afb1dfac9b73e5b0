#pragma once

#include <QtGlobal>

#include <algorithm>
#include <vector>

namespace karvan::demo {

// xoshiro256** seeded through splitmix64 (both public domain, Blackman & Vigna). Our own, with
// our own bounded and weighted helpers, because std:: distributions differ between standard
// libraries and the demo must be byte-identical everywhere.
class DemoRandom
{
public:
    // `stream` separates independent sequences of one seed (catalog, customers, history...), so
    // that a change in one phase does not reshuffle the others.
    explicit DemoRandom(quint64 seed, quint64 stream = 0)
    {
        quint64 state = seed ^ (stream * 0xD1B54A32D192ED03ull);
        for (quint64 &word : m_s)
            word = splitmix64(state);
    }

    static quint64 splitmix64(quint64 &state)
    {
        quint64 z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    quint64 next()
    {
        const quint64 result = rotl(m_s[1] * 5, 7) * 9;
        const quint64 t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    // Uniform in [0, n), unbiased (Lemire's multiply-and-reject). n == 0 gives 0.
    quint64 below(quint64 n)
    {
        if (n == 0)
            return 0;
        unsigned __int128 m = static_cast<unsigned __int128>(next()) * n;
        auto low = static_cast<quint64>(m);
        if (low < n) {
            const quint64 threshold = (0 - n) % n;
            while (low < threshold) {
                m = static_cast<unsigned __int128>(next()) * n;
                low = static_cast<quint64>(m);
            }
        }
        return static_cast<quint64>(m >> 64);
    }

    // Uniform in [lo, hi], both inclusive.
    qint64 between(qint64 lo, qint64 hi)
    {
        if (hi <= lo)
            return lo;
        return lo + static_cast<qint64>(below(static_cast<quint64>(hi - lo) + 1));
    }

    int index(qsizetype size) { return static_cast<int>(below(static_cast<quint64>(size))); }

    // True with probability perMille / 1000.
    bool chance(int perMille) { return static_cast<int>(below(1000)) < perMille; }

    template<typename List> const auto &pick(const List &list) { return list[index(list.size())]; }

    // An index drawn with the weights whose running sums `cumulative` holds (last = total).
    int weighted(const std::vector<quint64> &cumulative)
    {
        if (cumulative.empty() || cumulative.back() == 0)
            return 0;
        const quint64 r = below(cumulative.back());
        return static_cast<int>(std::upper_bound(cumulative.begin(), cumulative.end(), r)
                                - cumulative.begin());
    }

    // An index into a small table of per-mille weights that sum to 1000.
    template<std::size_t N> int weightedPerMille(const int (&weights)[N])
    {
        int r = static_cast<int>(below(1000));
        for (std::size_t i = 0; i < N; ++i) {
            if (r < weights[i])
                return static_cast<int>(i);
            r -= weights[i];
        }
        return static_cast<int>(N - 1);
    }

private:
    static quint64 rotl(quint64 x, int k) { return (x << k) | (x >> (64 - k)); }
    quint64 m_s[4];
};

} // namespace karvan::demo
