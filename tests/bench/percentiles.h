#pragma once

#include <QList>

#include <algorithm>
#include <cmath>

namespace karvan::bench {

// Nearest-rank percentiles of a sample (the benchmarks' p50 / p99 / max).
struct Percentiles
{
    double p50 = 0;
    double p99 = 0;
    double max = 0;
    qsizetype count = 0;
};

inline Percentiles percentiles(QList<double> values)
{
    Percentiles p;
    p.count = values.size();
    if (values.isEmpty())
        return p;
    std::sort(values.begin(), values.end());
    auto at = [&](double q) {
        const auto rank = qsizetype(std::ceil(q * values.size())) - 1;
        return values.at(std::clamp<qsizetype>(rank, 0, values.size() - 1));
    };
    p.p50 = at(0.50);
    p.p99 = at(0.99);
    p.max = values.last();
    return p;
}

} // namespace karvan::bench
