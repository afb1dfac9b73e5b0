#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

#include <array>
#include <utility>

namespace karvan::hq::http {

// Request counters and latency histograms in the Prometheus text format. Process-local by
// design: each HQ instance is scraped on its own, and nothing here matters after a restart.
class Metrics
{
public:
    Metrics() { m_started.start(); }

    // route is the route's pattern ("/v1/devices/{id}/revoke"), or "unmatched".
    void record(const QString &method, const QString &route, int status, double seconds);
    QByteArray exposition(int dbPoolThreads, int inFlight) const;
    // One metric family in the same text format: its HELP and TYPE lines and one sample per
    // entry of samples (labels as written inside the braces, e.g. answer="hit"; empty: none).
    static QByteArray family(const QString &name, const QString &type, const QString &help,
                             const QList<std::pair<QString, qint64>> &samples);

private:
    static constexpr std::array<double, 11> Buckets {0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                                     0.5,   1.0,  2.5,   5.0,  10.0};
    struct Histogram
    {
        std::array<quint64, Buckets.size()> counts {};
        quint64 count = 0;
        double sum = 0;
    };
    mutable QMutex m_mutex;
    QHash<QString, quint64> m_requests; // "method\nroute\nstatus"
    QHash<QString, Histogram> m_latency; // "method\nroute"
    QElapsedTimer m_started;
};

} // namespace karvan::hq::http
